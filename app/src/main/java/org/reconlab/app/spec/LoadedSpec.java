package org.reconlab.app.spec;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import org.reconlab.core.engine.ComponentRegistry;
import org.reconlab.core.engine.ExperimentPlan;
import org.reconlab.core.engine.ExperimentSpec;
import org.reconlab.core.engine.InvalidSpecException;

/**
 * A spec as loaded: the experiment, the resolved YAML tree (overrides applied, as written to the manifest), and where
 * each value came from.
 */
public final class LoadedSpec {

    private final String source;
    private final ExperimentSpec spec;
    private final Map<String, Object> resolved;
    private final Origins origins;
    private final boolean quick;

    LoadedSpec(String source, ExperimentSpec spec, Map<String, Object> resolved, Origins origins, boolean quick) {
        this.source = source;
        this.spec = spec;
        this.resolved = resolved;
        this.origins = origins;
        this.quick = quick;
    }

    public String source() {
        return source;
    }

    public ExperimentSpec spec() {
        return spec;
    }

    /** The spec tree after quick and --set overrides, without the quick section. */
    public Map<String, Object> resolved() {
        return resolved;
    }

    public boolean quick() {
        return quick;
    }

    /**
     * The directory relative file paths in the spec (such as an {@code npy-signal} problem's {@code path}) are
     * resolved against: the spec file's directory, or the working directory for a spec that is not a file.
     */
    public Path baseDirectory() {
        try {
            Path file = Path.of(source).toAbsolutePath();
            if (Files.isRegularFile(file) && file.getParent() != null) {
                return file.getParent();
            }
        } catch (InvalidPathException e) {
            // Not a file name (a spec parsed from text): fall through.
        }
        return Path.of("").toAbsolutePath();
    }

    /**
     * Builds every pipeline of the sweep.
     *
     * @throws SpecError naming file, line and key when a component rejects the spec
     */
    public ExperimentPlan plan(ComponentRegistry registry) {
        try {
            return ExperimentPlan.build(spec, registry, baseDirectory());
        } catch (InvalidSpecException e) {
            throw SpecLoader.locate(e, origins);
        }
    }

    /**
     * Builds every pipeline of the sweep and checks that {@code threads} trials at once fit what they keep in
     * {@code heapBytes}, the heap long-lived arrays can fill ({@link ExperimentPlan#requireFitsInHeap}).
     *
     * @throws SpecError naming file, line and key when a component rejects the spec or the operators would not fit
     */
    public ExperimentPlan plan(ComponentRegistry registry, int threads, long heapBytes) {
        ExperimentPlan plan = plan(registry);
        try {
            plan.requireFitsInHeap(threads, heapBytes);
        } catch (InvalidSpecException e) {
            throw SpecLoader.locate(e, origins);
        }
        return plan;
    }
}
