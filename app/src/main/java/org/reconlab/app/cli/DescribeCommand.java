package org.reconlab.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.reconlab.app.spec.SpecError;
import org.reconlab.core.engine.ComponentRegistry;
import org.reconlab.core.spi.Parameter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Shows one component's parameters, defaults, allowed values and docs. */
@Command(name = "describe", description = "Show one component's parameters, defaults and documentation.")
final class DescribeCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "NAME", description = "component name, as in `reconlab list`")
    String name;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        ComponentRegistry registry = main.injector().getInstance(ComponentRegistry.class);
        ComponentRegistry.Entry entry = registry.find(name).orElseThrow(() -> new SpecError("no component named '" + name
                + "'; known: " + String.join(", ", registry.entries().keySet())));
        PrintWriter out = command.commandLine().getOut();
        out.printf("%s: %s of module %s%n  %s%n", name, entry.kind().name().toLowerCase(), entry.module(),
                entry.factory().description());
        if (entry.factory().parameters().list().isEmpty()) {
            out.println("parameters: none");
            return Main.OK;
        }
        out.println("parameters:");
        for (Parameter parameter : entry.factory().parameters().list()) {
            Object defaultValue = parameter.defaultValue() == null ? "(none)" : parameter.defaultValue();
            out.printf("  %-20s %-8s default %-12s %s%n  %20s %s%n", parameter.name(),
                    parameter.type().name().toLowerCase(), defaultValue, parameter.doc(), "", "allowed: " + parameter.allowed());
        }
        return Main.OK;
    }
}
