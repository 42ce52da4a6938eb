package org.reconlab.app.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds plugin jars for tests the way a plugin author's build does: a {@code Plugin} compiled against core, listed in
 * {@code META-INF/services}, with the manifest entries the author's build writes.
 */
final class PluginJars {

    private PluginJars() {
    }

    /**
     * A jar at {@code jar} holding plugin {@code module} with one metric {@code metric} that always reports
     * {@code value}, and the given main manifest attributes ({@code Implementation-Version}, {@code Git-Commit}, ...).
     */
    static Path constantMetric(Path jar, String module, String metric, double value, Map<String, String> manifest)
            throws IOException {
        String packageName = "ext." + module.replace('-', '_');
        String source = """
                package %s;

                import java.util.List;
                import org.reconlab.core.spi.Config;
                import org.reconlab.core.spi.BuildContext;
                import org.reconlab.core.spi.Metric;
                import org.reconlab.core.spi.MetricFactory;
                import org.reconlab.core.spi.Parameters;
                import org.reconlab.core.spi.Plugin;

                public final class ConstantPlugin implements Plugin {
                    @Override public String name() { return "%s"; }
                    @Override public List<MetricFactory> metrics() {
                        return List.of(new MetricFactory() {
                            @Override public String name() { return "%s"; }
                            @Override public String description() { return "always %s"; }
                            @Override public Parameters parameters() { return Parameters.of(); }
                            @Override public Metric create(Config config, BuildContext context) {
                                return iterate -> new double[] {%s};
                            }
                        });
                    }
                }
                """.formatted(packageName, module, metric, value, Double.toString(value));
        Path work = Files.createTempDirectory(jar.getParent(), "plugin-build");
        Path sources = work.resolve("src").resolve(packageName.replace('.', '/'));
        Files.createDirectories(sources);
        Path file = Files.writeString(sources.resolve("ConstantPlugin.java"), source);
        Path classes = Files.createDirectories(work.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        boolean compiled = javac.getTask(errors, null, null, List.of("-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path")), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(file.toFile()))
                .call();
        if (!compiled) {
            throw new IllegalStateException("the test plugin does not compile: " + errors);
        }
        Manifest jarManifest = new Manifest();
        jarManifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.forEach((key, entry) -> jarManifest.getMainAttributes().putValue(key, entry));
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), jarManifest);
                Stream<Path> files = Files.walk(classes)) {
            for (Path classFile : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                put(out, classes.relativize(classFile).toString().replace('\\', '/'), Files.readAllBytes(classFile));
            }
            put(out, "META-INF/services/org.reconlab.core.spi.Plugin",
                    (packageName + ".ConstantPlugin\n").getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    private static void put(JarOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        OutputStream entry = out;
        entry.write(content);
        out.closeEntry();
    }
}
