package org.reconlab.app.api;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reconlab.app.spec.LoadedSpec;
import org.reconlab.app.spec.SpecLoader;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * An experiment as a spec file would hold it, built in code or read from a file. A built experiment goes through the
 * same parser and checks as a spec file (it is written as YAML and read back), so an experiment built in code and the
 * same one written as a file run, validate and record identically.
 *
 * <pre>{@code
 * Experiment experiment = Experiment.builder("small-init")
 *         .seed(2018).trials(2)
 *         .problem("psd-low-rank", "d", 20, "rank", 2)
 *         .measurement("gaussian", "m", 400)
 *         .model("factorized-symmetric", "init", "identity", "scale", 1e-3)
 *         .optimizer("gradient-descent", "step", 0.01, "iterations", 300)
 *         .metrics("relative-error", "train-loss")
 *         .sweep("model.scale", 1e-2, 1e-3)
 *         .build();
 * }</pre>
 */
public final class Experiment {

    private final LoadedSpec spec;

    private Experiment(LoadedSpec spec) {
        this.spec = requireNonNull(spec, "spec is null");
    }

    /** A builder of an experiment named {@code name} (the default output directory and the manifest use it). */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * The experiment of a spec file, with its quick section applied if {@code quick}.
     *
     * @throws org.reconlab.app.spec.SpecError naming file, line and key if the spec is not valid
     */
    public static Experiment fromFile(Path file, boolean quick) {
        return new Experiment(SpecLoader.read(file, quick, List.of()));
    }

    /** The spec as loaded: the engine's spec and the resolved tree the manifest records. */
    public LoadedSpec spec() {
        return spec;
    }

    public String name() {
        return spec.spec().name();
    }

    /** The spec as YAML, as a spec file would hold it. */
    @Override
    public String toString() {
        return yaml(spec.resolved());
    }

    private static String yaml(Map<String, Object> tree) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(tree);
    }

    /** Collects the keys of a spec; {@link #build()} checks them all as the spec parser does. */
    public static final class Builder {

        private final Map<String, Object> tree = new LinkedHashMap<>();
        private final Map<String, Object> sweep = new LinkedHashMap<>();

        private Builder(String name) {
            tree.put("name", requireNonNull(name, "name is null"));
        }

        public Builder description(String description) {
            tree.put("description", description);
            return this;
        }

        public Builder seed(long seed) {
            tree.put("seed", seed);
            return this;
        }

        /** Repetitions of every sweep point. */
        public Builder trials(int trials) {
            tree.put("trials", trials);
            return this;
        }

        /** The problem: a plugin name, then its parameters as name, value pairs. */
        public Builder problem(String plugin, Object... parameters) {
            tree.put("problem", component(plugin, parameters));
            return this;
        }

        public Builder measurement(String plugin, Object... parameters) {
            tree.put("measurement", component(plugin, parameters));
            return this;
        }

        public Builder model(String plugin, Object... parameters) {
            tree.put("model", component(plugin, parameters));
            return this;
        }

        public Builder optimizer(String plugin, Object... parameters) {
            tree.put("optimizer", component(plugin, parameters));
            return this;
        }

        /** Metrics by name, with their default parameters. */
        public Builder metrics(String... names) {
            tree.put("metrics", List.of(names));
            return this;
        }

        /** Metrics every {@code iterations} iterations and at the last one. */
        public Builder recordEvery(int iterations) {
            tree.put("record-every", iterations);
            return this;
        }

        /** A sweep axis: a dotted key such as {@code model.scale} and its values; axes cross, the last fastest. */
        public Builder sweep(String key, Object... values) {
            sweep.put(key, List.of(values));
            return this;
        }

        /**
         * The experiment.
         *
         * @throws org.reconlab.app.spec.SpecError naming the key and the allowed values when a value is wrong
         */
        public Experiment build() {
            Map<String, Object> spec = new LinkedHashMap<>(tree);
            if (!sweep.isEmpty()) {
                spec.put("sweep", new LinkedHashMap<>(sweep));
            }
            return new Experiment(SpecLoader.parse("experiment '" + tree.get("name") + "' (Java)", yaml(spec), false,
                    List.of()));
        }

        private static Map<String, Object> component(String plugin, Object[] parameters) {
            if (parameters.length % 2 != 0) {
                throw new IllegalArgumentException("parameters of " + plugin + " come in name, value pairs; got "
                        + parameters.length + " values");
            }
            Map<String, Object> component = new LinkedHashMap<>();
            component.put("plugin", requireNonNull(plugin, "plugin is null"));
            for (int i = 0; i < parameters.length; i += 2) {
                if (!(parameters[i] instanceof String name)) {
                    throw new IllegalArgumentException("parameter names of " + plugin + " are strings; got "
                            + parameters[i] + " at position " + i);
                }
                component.put(name, parameters[i + 1] instanceof List<?> list ? new ArrayList<>(list) : parameters[i + 1]);
            }
            return component;
        }
    }
}
