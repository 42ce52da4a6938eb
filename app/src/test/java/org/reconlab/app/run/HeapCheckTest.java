package org.reconlab.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconlab.app.cli.Main;

/** A spec whose operators cannot fit in the heap is refused before anything is drawn or written, with exit code 2. */
class HeapCheckTest {

    @TempDir
    Path temp;

    @Test
    void operatorsThatCannotFitAreRefusedWithTheEstimateBeforeAnythingRuns() throws IOException {
        // 8 trials at once, each with a packed operator of 200000 x 5050 doubles (8.1 GB): 65 GB, on any heap
        Path spec = temp.resolve("huge.yaml");
        Files.writeString(spec, String.join("\n",
                "name: huge",
                "seed: 1",
                "trials: 8",
                "problem:     { plugin: psd-low-rank, d: 100, rank: 5 }",
                "measurement: { plugin: gaussian, m: 200000 }",
                "model:       { plugin: factorized-symmetric }",
                "optimizer:   { plugin: gradient-descent, step: 0.001, iterations: 10 }",
                ""));
        Path out = temp.resolve("run");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = Main.execute(new String[] {"run", spec.toString(), "--out", out.toString(), "--threads", "8"},
                new PrintWriter(stdout, true), new PrintWriter(stderr, true));
        assertThat(code).as(stderr.toString()).isEqualTo(2);
        assertThat(stderr.toString()).contains("huge.yaml:5").contains("measurement 'gaussian'")
                .contains("7.5 GiB per operator, one per trial").contains("8 trials at once").contains("60.2 GiB")
                .contains("the heap can keep in long-lived arrays");
        assertThat(out).doesNotExist();
    }
}
