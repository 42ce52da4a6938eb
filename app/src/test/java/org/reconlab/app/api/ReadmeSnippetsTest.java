package org.reconlab.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every ```java block of the README compiles as it stands (imports included) against reconlab, and every one with a
 * main method runs, in a JVM of its own started in an empty working directory, to exit code 0.
 */
class ReadmeSnippetsTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Pattern JAVA_BLOCK = Pattern.compile("^```java\\n(.*?)^```", Pattern.MULTILINE | Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("^public (?:final )?class (\\w+)", Pattern.MULTILINE);

    @TempDir
    Path temp;

    static List<String> snippets() throws IOException {
        List<String> snippets = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(Files.readString(README));
        while (block.find()) {
            snippets.add(block.group(1));
        }
        return snippets;
    }

    @Test
    void everyJavaSnippetCompilesAndEveryMainRuns() throws Exception {
        List<String> snippets = snippets();
        assertThat(snippets).as("java blocks in the README").hasSizeGreaterThanOrEqualTo(2);
        Path classes = Files.createDirectories(temp.resolve("classes"));
        List<Path> sources = new ArrayList<>();
        List<String> mains = new ArrayList<>();
        for (String snippet : snippets) {
            Matcher name = CLASS_NAME.matcher(snippet);
            assertThat(name.find()).as("a README snippet declares a public class:%n%s", snippet).isTrue();
            sources.add(Files.writeString(temp.resolve(name.group(1) + ".java"), snippet));
            if (snippet.contains("public static void main(")) {
                mains.add(name.group(1));
            }
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        boolean compiled = javac.getTask(errors, null, null,
                List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"), "-Xlint:all",
                        "-Werror"),
                null, javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)
                        .getJavaFileObjectsFromPaths(sources)).call();
        assertThat(compiled).as("README snippets compile: %s", errors).isTrue();
        assertThat(mains).as("snippets with a main").isNotEmpty();

        for (String main : mains) {
            Path workingDirectory = Files.createDirectories(temp.resolve("run-" + main));
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process process = new ProcessBuilder(java.toString(), "-cp",
                    classes + File.pathSeparator + System.getProperty("java.class.path"), main)
                    .directory(workingDirectory.toFile()).redirectErrorStream(true)
                    .redirectOutput(temp.resolve(main + ".log").toFile()).start();
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s ends", main).isTrue();
            String log = Files.readString(temp.resolve(main + ".log"));
            assertThat(process.exitValue()).as("%s exits 0; it printed:%n%s", main, log).isZero();
            if (main.equals("SmallInit")) {
                Path run = workingDirectory.resolve("runs/small-init");
                assertThat(log).contains("trial 0: DONE").contains("trial 3: DONE");
                assertThat(run.resolve("trials.csv")).exists();
                assertThat(run.resolve("series.csv")).exists();
                assertThat(run.resolve("manifest.json")).exists();
                assertThat(run.resolve("report.html")).exists();
                assertThat(run.resolve("plots")).isDirectoryContaining("glob:**.png");
            }
        }
    }
}
