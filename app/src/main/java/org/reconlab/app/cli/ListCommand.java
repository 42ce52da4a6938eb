package org.reconlab.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import org.reconlab.app.plugin.CodeOrigin;
import org.reconlab.app.plugin.LoadedPlugin;
import org.reconlab.core.engine.ComponentRegistry;
import org.reconlab.core.spi.ComponentKind;
import org.reconlab.core.spi.Parameter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Lists every discovered plugin component: kind, name, module, description (and parameters with --json), then every
 * module with its version and where it came from ({@code built-in}, or the jar or directory of a plugin path).
 */
@Command(name = "list", description = "List every discovered plugin component, then each module's version and source"
        + " (built-in, or the jar it was loaded from).")
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Option(names = "--json", description = "machine-readable output, with parameters")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws JsonProcessingException {
        ComponentRegistry registry = main.injector().getInstance(ComponentRegistry.class);
        Map<String, CodeOrigin> origins = new LinkedHashMap<>();
        main.injector().getInstance(Key.get(new TypeLiteral<List<LoadedPlugin>>() { }))
                .forEach(plugin -> origins.put(plugin.plugin().name(), plugin.origin()));
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> components = new ArrayList<>();
            for (ComponentKind kind : ComponentKind.values()) {
                registry.entries(kind).values().forEach(entry -> {
                    Map<String, Object> component = describe(entry);
                    component.put("source", origins.get(entry.module()).source());
                    components.add(component);
                });
            }
            out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(components));
            return Main.OK;
        }
        for (ComponentKind kind : ComponentKind.values()) {
            out.println(kind.name().toLowerCase() + "s:");
            for (ComponentRegistry.Entry entry : registry.entries(kind).values()) {
                out.printf("  %-28s %-14s %s%n", entry.factory().name(), entry.module(), entry.factory().description());
            }
        }
        out.println("modules:");
        origins.forEach((module, origin) -> out.printf("  %-28s %-14s %s%n", module, origin.version(), origin.source()));
        return Main.OK;
    }

    static Map<String, Object> describe(ComponentRegistry.Entry entry) {
        Map<String, Object> component = new LinkedHashMap<>();
        component.put("kind", entry.kind().name().toLowerCase());
        component.put("name", entry.factory().name());
        component.put("module", entry.module());
        component.put("description", entry.factory().description());
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (Parameter parameter : entry.factory().parameters().list()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", parameter.name());
            p.put("type", parameter.type().name().toLowerCase());
            p.put("default", parameter.defaultValue());
            p.put("allowed", parameter.allowed());
            p.put("doc", parameter.doc());
            parameters.add(p);
        }
        component.put("parameters", parameters);
        return component;
    }
}
