package org.reconlab.app.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reconlab.core.engine.ExperimentPlan;
import org.reconlab.core.engine.TrialResult;
import org.reconlab.core.stats.LogLogFit;

/** Runs every example of {@code examples/networks} in quick mode and checks the phenomenon it is there to show. */
class NetworksExamplesTest {

    private static final List<String> EXAMPLE_NAMES = List.of("lipschitz-shallow-dimension", "lipschitz-deep",
            "lipschitz-planar-exact", "diagonal-networks-l1-gap", "reparametrized-lp-bias", "gan-width");

    private static List<TrialResult> runQuick(String name) {
        return ExampleRuns.runQuick("networks", name);
    }

    /** Fitted log-log slope of a final metric against a swept key, over the trials given. */
    private static double slope(List<TrialResult> trials, String key, String metric) {
        LogLogFit fit = LogLogFit.fit(trials.stream().mapToDouble(t -> ExampleRuns.sweepValue(t, key)).toArray(),
                trials.stream().mapToDouble(t -> t.finalMetric(metric)).toArray());
        assertThat(fit.skipped()).as("points a log-log fit cannot use").isZero();
        return fit.slope();
    }

    private static Map<Object, List<TrialResult>> groupBy(List<TrialResult> trials, String key) {
        Map<Object, List<TrialResult>> groups = new LinkedHashMap<>();
        for (TrialResult trial : trials) {
            groups.computeIfAbsent(trial.sweepValues().get(key), k -> new ArrayList<>()).add(trial);
        }
        return groups;
    }

    @Test
    void everyNetworksExampleIsCoveredHere() throws Exception {
        ExampleRuns.assertFolderHoldsExactly("networks", EXAMPLE_NAMES);
    }

    /**
     * docs/science.md §2, shallow networks: the lower bound grows in d with the slope of E||g||_q (1/2 for p <= 2,
     * 1 - 1/p above), and every bound is ordered lower <= averaged <= product.
     */
    @Test
    void lipschitzShallowDimension() {
        Map<Object, List<TrialResult>> byP = groupBy(runQuick("lipschitz-shallow-dimension"), "model.p");
        assertThat(byP).hasSize(5);
        Map<Double, Double> expected = Map.of(2.0, 0.5, 4.0, 0.75, Double.POSITIVE_INFINITY, 1.0);
        for (Map.Entry<Object, List<TrialResult>> entry : byP.entrySet()) {
            double p = ((Number) entry.getKey()).doubleValue();
            for (TrialResult trial : entry.getValue()) {
                assertThat(trial.finalMetric("lipschitz-lower-bound")).isLessThan(trial.finalMetric("lipschitz-averaged-bound"));
                assertThat(trial.finalMetric("lipschitz-averaged-bound"))
                        .isLessThanOrEqualTo(trial.finalMetric("lipschitz-product-bound"));
            }
            double lower = slope(entry.getValue(), "problem.d", "lipschitz-lower-bound");
            if (expected.containsKey(p)) {
                assertThat(slope(entry.getValue(), "problem.d", "lipschitz-prediction"))
                        .isCloseTo(expected.get(p), org.assertj.core.api.Assertions.within(0.02));
                assertThat(lower).as("slope in d for p = %s", p).isCloseTo(expected.get(p),
                        org.assertj.core.api.Assertions.within(0.2));
            } else {
                // p < 2: on the scale of ||g||_2, so no faster than sqrt(d) (log factors of N/d aside).
                assertThat(lower).as("slope in d for p = %s", p).isBetween(0.1, 0.7);
            }
        }
    }

    /** docs/science.md §2, deep networks: the product bound grows with depth far faster than the lower bound. */
    @Test
    void lipschitzDeep() {
        List<TrialResult> trials = runQuick("lipschitz-deep");
        for (List<TrialResult> group : groupBy(trials, "problem.width").values()) {
            for (List<TrialResult> sameP : groupBy(group, "model.p").values()) {
                List<TrialResult> byDepth = sameP.stream()
                        .sorted(Comparator.comparingDouble(t -> ExampleRuns.sweepValue(t, "problem.depth"))).toList();
                double previousGap = 0;
                for (TrialResult trial : byDepth) {
                    double lower = trial.finalMetric("lipschitz-lower-bound");
                    double averaged = trial.finalMetric("lipschitz-averaged-bound");
                    double product = trial.finalMetric("lipschitz-product-bound");
                    assertThat(lower).isLessThan(averaged);
                    assertThat(averaged).isLessThanOrEqualTo(product);
                    double gap = product / lower;
                    assertThat(gap).as("product/lower at %s", trial.sweepValues()).isGreaterThan(previousGap);
                    previousGap = gap;
                }
            }
        }
    }

    /** On R^2 the exact constant, from every activation region, lies between the lower and the upper bounds. */
    @Test
    void lipschitzPlanarExact() {
        List<TrialResult> trials = runQuick("lipschitz-planar-exact");
        double ratio = 0;
        for (TrialResult trial : trials) {
            double exact = trial.finalMetric("lipschitz-exact-2d");
            assertThat(trial.finalMetric("lipschitz-lower-bound")).isLessThanOrEqualTo(exact * (1 + 1e-12));
            assertThat(exact).isLessThanOrEqualTo(trial.finalMetric("lipschitz-averaged-bound"));
            assertThat(trial.finalMetric("lipschitz-averaged-bound"))
                    .isLessThanOrEqualTo(trial.finalMetric("lipschitz-product-bound"));
            ratio += trial.finalMetric("lipschitz-lower-bound") / exact;
        }
        assertThat(ratio / trials.size()).isGreaterThan(0.9);
    }

    /** docs/science.md §3: the l1 gap is linear in the initial scale alpha^D for D = 3, sublinear for D = 2. */
    @Test
    void diagonalNetworksL1Gap() {
        Map<Object, List<TrialResult>> byDepth = groupBy(runQuick("diagonal-networks-l1-gap"), "model.depth");
        assertThat(slope(byDepth.get(3), "model.product-scale", "l1-gap")).isBetween(0.85, 1.15);
        assertThat(slope(byDepth.get(2), "model.product-scale", "l1-gap")).isBetween(0.2, 0.85);
        for (List<TrialResult> trials : byDepth.values()) {
            assertThat(trials).allSatisfy(t -> assertThat(t.finalMetric("train-loss")).isLessThanOrEqualTo(1e-24));
        }
    }

    /**
     * docs/science.md section 3: the flow follows the smoothed regularizer to its minimizer (regularizer-gap ~ 0),
     * and its distance to the exact l^p minimizer (lp-gap) closes as beta -> 0 with log-log slope about p - 1.
     */
    @Test
    void reparametrizedLpBias() {
        Map<Object, List<TrialResult>> byP = groupBy(runQuick("reparametrized-lp-bias"), "model.p");
        assertThat(byP).hasSize(2);
        for (Map.Entry<Object, List<TrialResult>> entry : byP.entrySet()) {
            double p = ((Number) entry.getKey()).doubleValue();
            List<TrialResult> byBeta = entry.getValue().stream()
                    .sorted(Comparator.comparingDouble(t -> -ExampleRuns.sweepValue(t, "model.beta"))).toList();
            double previous = Double.POSITIVE_INFINITY;
            for (TrialResult trial : byBeta) {
                assertThat(trial.finalMetric("train-loss")).isLessThanOrEqualTo(1e-26);
                assertThat(trial.finalMetric("regularizer-gap")).as("%s", trial.sweepValues()).isLessThan(1e-5);
                // The exact gap is the smoothing's, not the integrator's error.
                assertThat(trial.finalMetric("lp-gap")).as("%s", trial.sweepValues())
                        .isGreaterThan(5 * trial.finalMetric("regularizer-gap")).isLessThan(previous);
                previous = trial.finalMetric("lp-gap");
            }
            assertThat(slope(byBeta, "model.beta", "lp-gap")).as("slope of lp-gap in beta at p = %s", p)
                    .isCloseTo(p - 1, org.assertj.core.api.Assertions.within(0.12));
        }
    }

    /**
     * docs/science.md section 4: with the teacher's output layer inside the student's, the data mean is reachable at
     * every width (best gap ~ 0) and GDA reaches it in most narrow and all wide runs; an independent teacher at width
     * 2 is out of reach for any W (best gap far from 0), so its failure is capacity, not GDA.
     */
    @Test
    void ganWidth() {
        List<TrialResult> trials = runQuick("gan-width");
        int narrowContainedSuccesses = 0;
        int narrowContained = 0;
        for (TrialResult trial : trials) {
            String variant = (String) trial.sweepValues().get(ExperimentPlan.VARIANT);
            int width = ((Number) trial.sweepValues().get("model.width")).intValue();
            double best = trial.finalMetric("best-moment-gap");
            double reached = trial.finalMetric("moment-gap");
            assertThat(reached).as("%s", trial.sweepValues()).isGreaterThanOrEqualTo(best * (1 - 1e-9) - 1e-14);
            if (!variant.equals("independent-teacher")) {
                assertThat(best).as("%s", trial.sweepValues()).isLessThan(1e-12);
            }
            if (width == 40) {
                assertThat(reached).as("%s", trial.sweepValues()).isLessThan(1e-6);
                assertThat(trial.finalMetric("discriminator-norm")).isLessThan(1e-5);
                assertThat(trial.finalMetric("iterations-to-moment-gap")).isBetween(0.0, 2000.0);
            } else if (variant.equals("independent-teacher")) {
                assertThat(best).as("%s", trial.sweepValues()).isGreaterThan(0.1);
                assertThat(trial.finalMetric("iterations-to-moment-gap")).isNaN();
            } else {
                narrowContained++;
                narrowContainedSuccesses += reached < 1e-6 ? 1 : 0;
            }
        }
        assertThat(narrowContained).isEqualTo(8);
        assertThat(narrowContainedSuccesses).as("width-2 runs with a reachable mean that GDA solved").isGreaterThanOrEqualTo(6);
        assertThat(groupBy(trials, ExperimentPlan.VARIANT)).containsOnlyKeys("simultaneous", "alternating",
                "independent-teacher");
    }
}
