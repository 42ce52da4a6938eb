package org.reconlab.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconlab.app.Cli;

/**
 * With {@code draws: independent} each sweep point derives its own seed; resume checks a saved trial against the seed
 * its point derives, so a finished run resumes whole instead of setting its trials aside as corrupt.
 */
class IndependentDrawsResumeTest {

    @TempDir
    Path temp;

    @Test
    void aFinishedRunWithIndependentDrawsResumesEveryTrial() throws Exception {
        Path spec = Path.of("src/test/resources/specs/toy.yaml");
        Path out = temp.resolve("run");
        Cli.Result first = Cli.run("run", spec.toString(), "--quick", "--set", "draws=independent", "--out", out.toString());
        assertThat(first.code()).as(first.err()).isZero();
        String trials = Files.readString(out.resolve("trials.csv"));

        Cli.Result again = Cli.run("run", spec.toString(), "--quick", "--set", "draws=independent", "--out", out.toString());

        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out() + again.err()).doesNotContain("corrupt").contains("2 resumed");
        try (Stream<Path> files = Files.list(out.resolve("trials"))) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".corrupt"));
        }
        assertThat(Files.readString(out.resolve("trials.csv"))).isEqualTo(trials);
    }
}
