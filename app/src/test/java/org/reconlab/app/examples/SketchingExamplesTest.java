package org.reconlab.app.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.reconlab.core.engine.TrialResult;

/** Runs every example of {@code examples/sketching} in quick mode and checks the phenomenon it is there to show. */
class SketchingExamplesTest {

    private static final List<String> EXAMPLE_NAMES = List.of("double-sketch-noise-grid", "tensor-sketch-depth", "double-sketch-baselines");

    private static List<TrialResult> runQuick(String name) {
        return ExampleRuns.runQuick("sketching", name);
    }

    private static TrialResult find(List<TrialResult> trials, Map<String, Object> point) {
        Predicate<TrialResult> matches = t -> point.entrySet().stream().allMatch(e -> {
            Object actual = t.sweepValues().get(e.getKey());
            return actual instanceof Number n && e.getValue() instanceof Number m
                    ? n.doubleValue() == m.doubleValue() : e.getValue().equals(actual);
        });
        return trials.stream().filter(matches).findFirst().orElseThrow(() -> new AssertionError("no trial at " + point));
    }

    @Test
    void everySketchingExampleIsCoveredHere() throws Exception {
        ExampleRuns.assertFolderHoldsExactly("sketching", EXAMPLE_NAMES);
    }

    /**
     * SCIENCE.md section 11: the error grows with each noise norm; without noise it falls as the sketch grows; and the
     * co-range noise E2 is amplified by about {@code sqrt(k / (l (l - k - 1)))}, which is large when l is close to k
     * (k near n) and small when l = 2k + 1, while range noise hurts the small sketches most.
     */
    @Test
    void doubleSketchNoiseGrid() {
        List<TrialResult> trials = runQuick("double-sketch-noise-grid");
        List<Integer> sizes = List.of(5, 8, 36);
        for (int k : sizes) {
            for (double other : List.of(0.0, 0.01, 1.0)) {
                assertThat(error(trials, k, 1.0, other, "relative-error")).isGreaterThan(error(trials, k, 0.01, other, "relative-error"));
                assertThat(error(trials, k, other, 1.0, "relative-error")).isGreaterThan(error(trials, k, other, 0.01, "relative-error"));
            }
            assertThat(error(trials, k, 0, 0, "relative-error")).isGreaterThanOrEqualTo(error(trials, k, 0, 0, "best-rank-error"));
        }
        assertThat(error(trials, 5, 0, 0, "relative-error")).isGreaterThan(error(trials, 8, 0, 0, "relative-error"));
        assertThat(error(trials, 8, 0, 0, "relative-error")).isGreaterThan(error(trials, 36, 0, 0, "relative-error"));
        // k = 8, l = 17: range noise costs more than co-range noise of the same norm; k = 36, l = 40: the reverse.
        assertThat(error(trials, 8, 1.0, 0, "relative-error")).isGreaterThan(error(trials, 8, 0, 1.0, "relative-error"));
        assertThat(error(trials, 36, 0, 1.0, "relative-error")).isGreaterThan(3 * error(trials, 36, 1.0, 0, "relative-error"));
    }

    private static double error(List<TrialResult> trials, int k, double rangeNoise, double corangeNoise, String metric) {
        return find(trials, Map.of("measurement.k", k, "measurement.range-noise", rangeNoise,
                "measurement.corange-noise", corangeNoise)).finalMetric(metric);
    }

    /**
     * SCIENCE.md section 12: the t-product double sketch recovers a tubal-rank-5 tensor to the noise level at every
     * depth n3, while the matrix double sketch of the unfolding (rank up to 5 n3) fails once 5 n3 exceeds k = 10.
     * With the noise norms fixed, the t-product error even falls with n3: the sketches X * Omega sum n3 slices, so
     * their energy grows like n3 against the same noise.
     */
    @Test
    void tensorSketchDepth() {
        List<TrialResult> trials = runQuick("tensor-sketch-depth");
        for (int n3 : List.of(1, 4, 16)) {
            assertThat(depthError(trials, "t-product", n3)).isLessThan(1e-2);
        }
        assertThat(depthError(trials, "t-product", 16)).isLessThan(depthError(trials, "t-product", 4));
        assertThat(depthError(trials, "t-product", 4)).isLessThan(depthError(trials, "t-product", 1));
        assertThat(depthError(trials, "unfolding", 1)).isLessThan(1e-2);
        assertThat(depthError(trials, "unfolding", 4)).isGreaterThan(0.1);
        assertThat(depthError(trials, "unfolding", 16)).isGreaterThan(depthError(trials, "unfolding", 4));
    }

    private static double depthError(List<TrialResult> trials, String variant, int n3) {
        return find(trials, Map.of("variant", variant, "problem.n3", n3)).finalMetric("relative-error");
    }

    /**
     * SCIENCE.md section 11, baselines: the orthonormalized double sketch equals the plain one (the noisy Y has full
     * rank) and the two-pass randomized SVD, which reads X again, is never worse: with the same Y its error is the
     * first of the two orthogonal parts of the one-pass error.
     */
    @Test
    void doubleSketchBaselines() {
        List<TrialResult> trials = runQuick("double-sketch-baselines");
        for (int rank : List.of(2, 5)) {
            double plain = baseline(trials, "double-sketch", rank);
            double orthonormal = baseline(trials, "orthonormal", rank);
            double twoPass = baseline(trials, "randomized-svd", rank);
            assertThat(Math.abs(plain - orthonormal)).isLessThan(1e-8 * orthonormal);
            assertThat(twoPass).isLessThan(orthonormal);
        }
    }

    private static double baseline(List<TrialResult> trials, String variant, int rank) {
        return find(trials, Map.of("variant", variant, "problem.rank", rank)).finalMetric("relative-error");
    }
}
