package org.reconlab.app.cli;

import java.io.PrintWriter;
import java.util.List;
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
        // Columns as wide as their widest entry, so that every doc, and every allowed line, starts in one column.
        List<Parameter> parameters = entry.factory().parameters().list();
        int name = parameters.stream().mapToInt(p -> p.name().length()).max().orElse(0);
        int type = parameters.stream().mapToInt(p -> type(p).length()).max().orElse(0);
        int defaults = parameters.stream().mapToInt(p -> defaultText(p).length()).max().orElse(0);
        String row = "  %-" + name + "s  %-" + type + "s  default %-" + defaults + "s  %s%n";
        String indent = " ".repeat(2 + name + 2 + type + 2 + "default ".length() + defaults + 2);
        for (Parameter parameter : parameters) {
            out.printf(row, parameter.name(), type(parameter), defaultText(parameter), parameter.doc());
            out.println(indent + "allowed: " + parameter.allowed());
        }
        return Main.OK;
    }

    private static String type(Parameter parameter) {
        return parameter.type().name().toLowerCase();
    }

    private static String defaultText(Parameter parameter) {
        return parameter.defaultValue() == null ? "(none)" : String.valueOf(parameter.defaultValue());
    }
}
