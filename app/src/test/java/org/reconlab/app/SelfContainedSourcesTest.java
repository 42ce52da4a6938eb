package org.reconlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A user's clone holds the repository alone: no source, spec, script or document cites a file outside it (the
 * project's own account of the science is docs/science.md).
 */
class SelfContainedSourcesTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern OUTSIDE = Pattern.compile("SCIENCE\\.md|DESIGN\\.md|STYLE\\.md|\\.\\./shared");
    private static final Pattern CHECKED = Pattern.compile(".*\\.(java|yaml|md|sh|py|xml)$");

    @Test
    void noFileCitesTheBriefsOutsideTheRepository() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(ROOT)) {
            offenders = files.filter(Files::isRegularFile)
                    .filter(path -> CHECKED.matcher(path.getFileName().toString()).matches())
                    .filter(path -> !path.toString().contains("/target/") && !path.toString().contains("/.git/"))
                    .filter(path -> !path.endsWith(Path.of("app", "src", "test", "java", "org", "reconlab", "app",
                            "SelfContainedSourcesTest.java")))
                    .filter(SelfContainedSourcesTest::citesOutside)
                    .map(Path::toString)
                    .collect(Collectors.toList());
        }
        assertThat(offenders).as("files citing a brief outside the repository").isEmpty();
    }

    private static boolean citesOutside(Path path) {
        try {
            return OUTSIDE.matcher(Files.readString(path)).find();
        } catch (IOException e) {
            // not UTF-8 text: no citation to read
            return false;
        }
    }
}
