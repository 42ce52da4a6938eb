package org.reconlab.app.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.reconlab.core.engine.TrialResult;

/** Runs every example of {@code examples/sketching} in quick mode and checks the phenomenon it is there to show. */
class SketchingExamplesTest {

    private static final List<String> EXAMPLE_NAMES = List.of("double-sketch-noise-grid", "tensor-sketch-depth",
            "double-sketch-baselines", "tensor-sketch-paper-depth", "tensor-sketch-paper-noise");

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
     * docs/science.md section 5: the error grows with each noise norm; without noise it falls as the sketch grows; and
     * the co-range noise E2 is amplified by about {@code sqrt(k / (l (l - k - 1)))}, which is large when l is close to
     * k (k near n) and small when l = 2k + 1, while range noise hurts the small sketches most. The full spec draws
     * every cell independently (a per-cell rate needs that); quick mode pairs the cells, so each comparison below is
     * between noise levels on the same truth, test matrices and noise directions.
     */
    @Test
    void doubleSketchNoiseGrid() {
        List<TrialResult> trials = runQuick("double-sketch-noise-grid");
        List<Integer> sizes = List.of(5, 8, 36);
        for (int k : sizes) {
            for (double other : List.of(0.0, 0.01, 1.0)) {
                assertThat(mean(trials, k, 1.0, other, "relative-error")).isGreaterThan(mean(trials, k, 0.01, other, "relative-error"));
                assertThat(mean(trials, k, other, 1.0, "relative-error")).isGreaterThan(mean(trials, k, other, 0.01, "relative-error"));
            }
            assertThat(mean(trials, k, 0, 0, "relative-error")).isGreaterThanOrEqualTo(mean(trials, k, 0, 0, "best-rank-error"));
        }
        assertThat(mean(trials, 5, 0, 0, "relative-error")).isGreaterThan(mean(trials, 8, 0, 0, "relative-error"));
        assertThat(mean(trials, 8, 0, 0, "relative-error")).isGreaterThan(mean(trials, 36, 0, 0, "relative-error"));
        // k = 8, l = 17: range noise costs more than co-range noise of the same norm; k = 36, l = 40: the reverse.
        assertThat(mean(trials, 8, 1.0, 0, "relative-error")).isGreaterThan(mean(trials, 8, 0, 1.0, "relative-error"));
        assertThat(mean(trials, 36, 0, 1.0, "relative-error")).isGreaterThan(3 * mean(trials, 36, 1.0, 0, "relative-error"));
        assertThat(trials).allSatisfy(t -> assertThat(t.finalMetric("sketch-bound-exceeded")).isIn(0.0, 1.0));
        assertThat(trials).allSatisfy(t -> assertThat(t.finalMetric("sketch-bound-exceeded") == 1.0)
                .isEqualTo(t.finalMetric("relative-error") > t.finalMetric("sketch-error-bound")));
    }

    private static List<TrialResult> cell(List<TrialResult> trials, int k, double rangeNoise, double corangeNoise) {
        Map<String, Object> point = Map.of("measurement.k", k, "measurement.range-noise", rangeNoise,
                "measurement.corange-noise", corangeNoise);
        List<TrialResult> cell = trials.stream().filter(t -> point.entrySet().stream().allMatch(e ->
                ((Number) t.sweepValues().get(e.getKey())).doubleValue() == ((Number) e.getValue()).doubleValue()))
                .toList();
        assertThat(cell).isNotEmpty();
        return cell;
    }

    private static double mean(List<TrialResult> trials, int k, double rangeNoise, double corangeNoise, String metric) {
        return cell(trials, k, rangeNoise, corangeNoise).stream().mapToDouble(t -> t.finalMetric(metric)).average()
                .orElseThrow();
    }

    /**
     * docs/science.md section 5: the t-product double sketch recovers a tubal-rank-5 tensor to the noise level at
     * every depth n3, while the matrix double sketch of the unfolding (rank up to 5 n3) fails once 5 n3 exceeds
     * k = 10. With test tensors random in every slice the error falls with n3 (the sketch's energy grows like n3
     * against noise of fixed norm; about 4x from n3 = 1 to 16); with the paper's first-slice test tensors it does not.
     */
    @Test
    void tensorSketchDepth() {
        List<TrialResult> trials = runQuick("tensor-sketch-depth");
        for (String variant : List.of("full-test-tensor", "first-slice-test-tensor")) {
            for (int n3 : List.of(1, 4, 16)) {
                assertThat(depthError(trials, variant, n3)).isLessThan(1e-2);
            }
        }
        assertThat(depthError(trials, "full-test-tensor", 16)).isLessThan(depthError(trials, "full-test-tensor", 4));
        assertThat(depthError(trials, "full-test-tensor", 4)).isLessThan(depthError(trials, "full-test-tensor", 1));
        assertThat(depthError(trials, "first-slice-test-tensor", 16))
                .isGreaterThan(2 * depthError(trials, "full-test-tensor", 16))
                .isGreaterThan(0.5 * depthError(trials, "first-slice-test-tensor", 1));
        assertThat(depthError(trials, "unfolding", 1)).isLessThan(1e-2);
        assertThat(depthError(trials, "unfolding", 4)).isGreaterThan(0.1);
        assertThat(depthError(trials, "unfolding", 16)).isGreaterThan(depthError(trials, "unfolding", 4));
    }

    private static double depthError(List<TrialResult> trials, String variant, int n3) {
        return find(trials, Map.of("variant", variant, "problem.n3", n3)).finalMetric("relative-error");
    }

    /**
     * docs/science.md §5, baselines: the orthonormalized double sketch equals the plain one (the noisy Y has full
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

    /**
     * docs/science.md section 5, the error-against-n3 figure of Ma, Stoger and Zhu: square first-slice sketches recover
     * the unit-norm tubal-rank-10 tensor to the noise level (0.01) at every depth, the sketch just above the rank
     * (r1 = 11) worst; the median does not fall with n3 as it would with full test tensors.
     */
    @Test
    void tensorSketchPaperDepth() {
        List<TrialResult> trials = runQuick("tensor-sketch-paper-depth");
        for (String variant : List.of("r1-11", "r1-20", "r1-90")) {
            for (int n3 : List.of(1, 5, 9)) {
                assertThat(median(trials, Map.of("variant", variant, "problem.n3", n3), "relative-error"))
                        .isLessThan(0.5);
            }
            assertThat(median(trials, Map.of("variant", variant, "problem.n3", 9), "relative-error"))
                    .isGreaterThan(0.3 * median(trials, Map.of("variant", variant, "problem.n3", 1), "relative-error"));
        }
        assertThat(median(trials, Map.of("variant", "r1-11", "problem.n3", 9), "relative-error"))
                .isGreaterThan(median(trials, Map.of("variant", "r1-90", "problem.n3", 9), "relative-error"));
    }

    /**
     * docs/science.md section 5, the noise heatmaps of Ma, Stoger and Zhu: without noise the square sketches recover
     * the (unnormalized) tubal-rank-10 tensor exactly; noise of norm 0.1 gives an absolute error of its order. Range
     * noise alone costs most at r1 = 11, just above the rank; co-range noise alone (Y then has rank 10 and
     * {@code Psi Q} is r1 x 10) is amplified by {@code ||(Psi Q)^+||}, about {@code 1 / (sqrt(r1) - sqrt(10))}, so less
     * at r1 = 99 than at r1 = 20.
     */
    @Test
    void tensorSketchPaperNoise() {
        List<TrialResult> trials = runQuick("tensor-sketch-paper-noise");
        for (String variant : List.of("r1-11", "r1-20", "r1-99")) {
            assertThat(median(trials, noisePoint(variant, 0, 0), "relative-error")).isLessThan(1e-9);
            assertThat(median(trials, noisePoint(variant, 0.1, 0.1), "absolute-error")).isBetween(1e-3, 10.0);
        }
        assertThat(median(trials, noisePoint("r1-11", 0.1, 0), "absolute-error"))
                .isGreaterThan(2 * median(trials, noisePoint("r1-20", 0.1, 0), "absolute-error"));
        assertThat(median(trials, noisePoint("r1-99", 0, 0.1), "absolute-error"))
                .isLessThan(0.5 * median(trials, noisePoint("r1-20", 0, 0.1), "absolute-error"));
    }

    private static Map<String, Object> noisePoint(String variant, double rangeNoise, double corangeNoise) {
        return Map.of("variant", variant, "measurement.range-noise", rangeNoise, "measurement.corange-noise",
                corangeNoise);
    }

    private static double median(List<TrialResult> trials, Map<String, Object> point, String metric) {
        double[] values = trials.stream().filter(t -> point.entrySet().stream().allMatch(e -> {
            Object actual = t.sweepValues().get(e.getKey());
            return actual instanceof Number n && e.getValue() instanceof Number m
                    ? n.doubleValue() == m.doubleValue() : e.getValue().equals(actual);
        })).mapToDouble(t -> t.finalMetric(metric)).sorted().toArray();
        assertThat(values).as("trials at " + point).isNotEmpty();
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }
}
