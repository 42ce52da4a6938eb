package org.reconlab.app.cli;

import java.util.concurrent.Callable;
import org.reconlab.app.spec.LoadedSpec;
import org.reconlab.core.engine.ComponentRegistry;
import org.reconlab.core.engine.ExperimentPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Parses a spec and builds every pipeline of its sweep, running nothing. */
@Command(name = "validate", description = "Parse SPEC and build every pipeline of its sweep; run nothing.")
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Mixin
    SpecOptions options = new SpecOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        LoadedSpec spec = options.load();
        ExperimentPlan plan = spec.plan(main.injector().getInstance(ComponentRegistry.class));
        long pipelines = plan.trials().stream().map(ExperimentPlan.PlannedTrial::pipeline).distinct().count();
        command.commandLine().getOut().printf("%s: valid; %d pipelines, %d trials%n", options.spec, pipelines,
                plan.trials().size());
        return Main.OK;
    }
}
