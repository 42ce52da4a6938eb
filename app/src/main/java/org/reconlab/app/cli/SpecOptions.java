package org.reconlab.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.reconlab.app.spec.LoadedSpec;
import org.reconlab.app.spec.SpecLoader;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The spec file and its overrides, shared by {@code validate} and {@code run}. */
final class SpecOptions {

    @Parameters(index = "0", paramLabel = "SPEC", description = "experiment spec (YAML)")
    Path spec;

    @Option(names = "--quick", description = "apply the spec's quick section (small sizes, seconds to run)")
    boolean quick;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a spec value, e.g. --set model.scale=0.01")
    List<String> sets = new ArrayList<>();

    LoadedSpec load() {
        return SpecLoader.read(spec, quick, sets);
    }
}
