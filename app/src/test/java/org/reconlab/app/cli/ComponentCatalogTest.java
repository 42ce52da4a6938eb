package org.reconlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.reconlab.core.engine.ComponentRegistry;
import org.reconlab.core.spi.ComponentKind;
import org.reconlab.core.spi.Parameter;

/**
 * Pins every shipped component's parameters, defaults and allowed values: a changed default changes the numbers of
 * every spec that relies on it, so it must be a visible, reviewed change of {@code component-catalog.txt}. After a
 * deliberate change, regenerate the file with {@code mvn -pl app test -Dtest=ComponentCatalogTest
 * -Dreconlab.catalog.update=true} and review its diff.
 */
class ComponentCatalogTest {

    private static final Path CATALOG = Path.of("src/test/resources/component-catalog.txt");

    static String render(ComponentRegistry registry) {
        StringBuilder text = new StringBuilder();
        for (ComponentKind kind : ComponentKind.values()) {
            for (ComponentRegistry.Entry entry : registry.entries(kind).values()) {
                if (entry.module().equals("toy")) {
                    continue;  // test-only plugin, not shipped
                }
                text.append(kind.name().toLowerCase()).append(' ').append(entry.factory().name()).append(" (")
                        .append(entry.module()).append(")\n");
                for (Parameter parameter : entry.factory().parameters().list()) {
                    text.append("  ").append(parameter.name()).append(": ").append(parameter.type().name().toLowerCase())
                            .append(", default ").append(parameter.defaultValue() == null ? "(none)" : parameter.defaultValue())
                            .append(", ").append(parameter.allowed()).append('\n');
                }
            }
        }
        return text.toString();
    }

    @Test
    void everyShippedDefaultIsPinned() throws IOException {
        String actual = render(ComponentRegistry.discover());
        if (Boolean.getBoolean("reconlab.catalog.update")) {
            Files.writeString(CATALOG, actual);
        }
        assertThat(actual).as("component parameters differ from %s; if the change is deliberate, regenerate it with"
                + " -Dreconlab.catalog.update=true and review the diff", CATALOG).isEqualTo(Files.readString(CATALOG));
    }
}
