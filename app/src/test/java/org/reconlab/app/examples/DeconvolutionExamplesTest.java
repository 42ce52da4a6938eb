package org.reconlab.app.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.reconlab.core.engine.TrialResult;
import org.reconlab.core.stats.LogLogFit;

/** Runs every example of {@code examples/deconvolution} in quick mode and checks the phenomenon it is there to show. */
class DeconvolutionExamplesTest {

    private static final List<String> EXAMPLE_NAMES = List.of("noise-scaling", "phase-transition");

    private static List<TrialResult> runQuick(String name) {
        return ExampleRuns.runQuick("deconvolution", name);
    }

    /** Mean final rank-one error by noise level, for one variant. */
    private static TreeMap<Double, Double> meanErrorByLevel(List<TrialResult> trials, String variant) {
        return trials.stream().filter(t -> variant.equals(t.sweepValues().get("variant")))
                .collect(Collectors.groupingBy(t -> ExampleRuns.sweepValue(t, "measurement.noise-level"), TreeMap::new,
                        Collectors.averagingDouble(t -> t.finalMetric("rank-one-error"))));
    }

    private static LogLogFit fit(Map<Double, Double> errorByLevel) {
        return LogLogFit.fit(errorByLevel.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                errorByLevel.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Test
    void everyDeconvolutionExampleIsCoveredHere() throws Exception {
        ExampleRuns.assertFolderHoldsExactly("deconvolution", EXAMPLE_NAMES);
    }

    /**
     * SCIENCE.md section 13: the error of convex recovery grows linearly with random noise, the searched adversarial
     * noise of the same norm does clearly more harm at every level, and gradient descent on (h, m) behaves like the
     * convex program under random noise.
     */
    @Test
    void noiseScaling() {
        List<TrialResult> trials = runQuick("noise-scaling");
        TreeMap<Double, Double> random = meanErrorByLevel(trials, "convex-random");
        TreeMap<Double, Double> adversarial = meanErrorByLevel(trials, "convex-adversarial");
        TreeMap<Double, Double> gradientDescent = meanErrorByLevel(trials, "gradient-descent-random");

        assertThat(fit(random).slope()).isBetween(0.8, 1.2);
        assertThat(fit(gradientDescent).slope()).isBetween(0.8, 1.2);
        for (double level : random.keySet()) {
            assertThat(adversarial.get(level)).as("level %s", level).isGreaterThan(1.5 * random.get(level));
        }
    }

    /** SCIENCE.md section 13: recovery succeeds for small K and N at fixed L and fails as K + N approaches L. */
    @Test
    void phaseTransition() {
        List<TrialResult> trials = runQuick("phase-transition");
        Map<List<Integer>, Double> success = trials.stream().collect(Collectors.groupingBy(
                t -> List.of((int) ExampleRuns.sweepValue(t, "problem.k"), (int) ExampleRuns.sweepValue(t, "problem.n")),
                Collectors.averagingDouble(t -> t.finalMetric("rank-one-recovered"))));

        assertThat(success.get(List.of(2, 2))).isEqualTo(1.0);
        assertThat(success.get(List.of(4, 4))).isEqualTo(1.0);
        assertThat(success.get(List.of(16, 16))).isEqualTo(0.0);
        List<Double> diagonal = List.of(2, 4, 8, 16).stream().map(d -> success.get(List.of(d, d))).toList();
        for (int i = 1; i < diagonal.size(); i++) {
            assertThat(diagonal.get(i)).isLessThanOrEqualTo(diagonal.get(i - 1));
        }
    }
}
