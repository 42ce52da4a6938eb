package org.reconlab.app.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.reconlab.core.engine.TrialResult;
import org.reconlab.core.engine.TrialStatus;
import org.reconlab.core.stats.LogLogFit;

/** Runs every example of {@code examples/deconvolution} in quick mode and checks the phenomenon it is there to show. */
class DeconvolutionExamplesTest {

    private static final List<String> EXAMPLE_NAMES = List.of("noise-scaling", "phase-transition");

    private static List<TrialResult> runQuick(String name) {
        return ExampleRuns.runQuick("deconvolution", name);
    }

    /** Mean of a final metric by noise level, for one variant. */
    private static TreeMap<Double, Double> meanByLevel(List<TrialResult> trials, String variant, String metric) {
        return trials.stream().filter(t -> variant.equals(t.sweepValues().get("variant")))
                .collect(Collectors.groupingBy(t -> ExampleRuns.sweepValue(t, "measurement.noise-level"), TreeMap::new,
                        Collectors.averagingDouble(t -> t.finalMetric(metric))));
    }

    private static LogLogFit fit(Map<Double, Double> valueByLevel) {
        return LogLogFit.fit(valueByLevel.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                valueByLevel.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Test
    void everyDeconvolutionExampleIsCoveredHere() throws Exception {
        ExampleRuns.assertFolderHoldsExactly("deconvolution", EXAMPLE_NAMES);
    }

    /**
     * docs/science.md section 6: on instances where noiseless recovery is certified (a positive lower bound on the
     * minimum conic singular value tau_min), the convex error obeys ||X_hat - X*|| <= 2 ||e|| / tau_min; it is linear
     * in ||e|| at small noise; the searched noise is amplified clearly more than random noise; and gradient descent
     * on (h, m) with its step does not diverge.
     */
    @Test
    void noiseScaling() {
        List<TrialResult> trials = runQuick("noise-scaling");

        for (TrialResult trial : trials) {
            assertThat(trial.status()).as("trial %s", trial.sweepValues()).isEqualTo(TrialStatus.DONE);
            double lower = trial.finalMetric("conic-singular-value-lower");
            double upper = trial.finalMetric("conic-singular-value-upper");
            assertThat(lower).as("trial %s", trial.sweepValues()).isLessThanOrEqualTo(upper);
            if (lower > 0 && !"gradient-descent-random".equals(trial.sweepValues().get("variant"))) {
                assertThat(trial.finalMetric("error-per-noise")).as("trial %s", trial.sweepValues())
                        .isLessThanOrEqualTo(2 / lower);
            }
        }
        TreeMap<Double, Double> random = meanByLevel(trials, "convex-random", "error-per-noise");
        TreeMap<Double, Double> adversarial = meanByLevel(trials, "convex-adversarial", "error-per-noise");
        double smallest = random.firstKey();
        assertThat(adversarial.get(smallest)).isGreaterThan(1.5 * random.get(smallest));
        // Linear at small noise: the amplification of random noise is the same at the two smallest levels.
        double next = random.higherKey(smallest);
        assertThat(random.get(next)).isCloseTo(random.get(smallest), within(0.1 * random.get(smallest)));
        assertThat(fit(meanByLevel(trials, "gradient-descent-random", "relative-error")).slope()).isBetween(0.8, 1.2);
    }

    /** docs/science.md section 6: recovery succeeds for small K and N at fixed L and fails as K + N approaches L. */
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
