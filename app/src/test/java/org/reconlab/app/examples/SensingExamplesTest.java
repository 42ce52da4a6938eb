package org.reconlab.app.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.reconlab.core.engine.ComponentRegistry;
import org.reconlab.core.engine.ExperimentPlan;
import org.reconlab.core.engine.ExperimentSpec;
import org.reconlab.core.engine.InvalidSpecException;
import org.reconlab.core.engine.SeriesPoint;
import org.reconlab.core.engine.TrialResult;
import org.reconlab.core.engine.TrialStatus;

/** Runs every example of {@code examples/sensing} in quick mode and checks the phenomenon it is there to show. */
class SensingExamplesTest {

    private static final List<String> EXAMPLE_NAMES = List.of("small-init-psd", "three-phases",
            "spectral-init-phase-transition", "pgd-vs-factorized", "sgd-identity-init", "asymmetric-balancing",
            "als-rank-one", "nuclear-norm-baseline", "quadratic-network");

    private static ExperimentSpec quickSpec(String name, String... sets) {
        return ExampleRuns.quickSpec("sensing", name, sets);
    }

    private static List<TrialResult> runQuick(String name) {
        return ExampleRuns.runQuick("sensing", name);
    }

    /** The first recorded iteration at which {@code metric} is below {@code level}, or -1. */
    private static int firstBelow(TrialResult trial, String metric, double level) {
        return trial.series(metric).stream().filter(p -> p.value() < level).mapToInt(SeriesPoint::iteration)
                .findFirst().orElse(-1);
    }

    private static double valueAt(TrialResult trial, String metric, int iteration) {
        return trial.series(metric).stream().filter(p -> p.iteration() == iteration).findFirst().orElseThrow().value();
    }

    @Test
    void everySensingExampleIsCoveredHere() throws Exception {
        ExampleRuns.assertFolderHoldsExactly("sensing", EXAMPLE_NAMES);
    }

    /** docs/science.md §1: the test error falls with the initialization scale; the smallest scale recovers X*. */
    @Test
    void smallInitPsd() {
        List<TrialResult> byScale = runQuick("small-init-psd").stream()
                .sorted(Comparator.comparingDouble((TrialResult t) -> ExampleRuns.sweepValue(t, "model.scale")).reversed()).toList();
        for (int i = 1; i < byScale.size(); i++) {
            assertThat(byScale.get(i).finalMetric("test-error")).isLessThan(byScale.get(i - 1).finalMetric("test-error"));
        }
        assertThat(byScale.get(byScale.size() - 1).finalMetric("relative-error")).isLessThan(1e-3);
        // The largest scale fits the training data too: its error is a generalization gap, not under-fitting.
        TrialResult largest = byScale.get(0);
        assertThat(largest.finalMetric("train-loss")).isLessThan(1e-3 * largest.series("train-loss").get(0).value());
    }

    /** Alignment while the factor is tiny, then growth of r singular values, then linear convergence. */
    @Test
    void threePhases() {
        TrialResult trial = runQuick("three-phases").get(0);
        assertThat(trial.series("subspace-angle").get(0).value()).isGreaterThan(0.9);
        // Phase 1: some recorded iterate is already well aligned while U is still tiny and X far from X*.
        int aligned = firstBelow(trial, "subspace-angle", 0.5);
        assertThat(aligned).isPositive();
        assertThat(valueAt(trial, "singular-values[0]", aligned)).isLessThan(1e-2);
        assertThat(valueAt(trial, "relative-error", aligned)).isGreaterThan(0.99);
        // Phase 2: two singular values of U grow to about 1 (rank 2, unit eigenvalues), the rest stay small.
        assertThat(trial.finalMetric("singular-values[1]")).isGreaterThan(0.99);
        assertThat(trial.finalMetric("singular-values[2]")).isLessThan(0.02);
        // Phase 3: linear convergence, as many iterations per decade of error from 1e-2 to 1e-3 as to 1e-4.
        int at2 = firstBelow(trial, "relative-error", 1e-2);
        int at3 = firstBelow(trial, "relative-error", 1e-3);
        int at4 = firstBelow(trial, "relative-error", 1e-4);
        assertThat(at2).isGreaterThan(aligned);
        assertThat(at4).isPositive();
        double ratio = (at4 - at3) / (double) (at3 - at2);
        assertThat(ratio).isBetween(0.6, 1.6);
    }

    /**
     * Success needs m of order d r at every kappa, given a budget that grows with kappa; what kappa costs is steps:
     * at m = 4 d r the steps to 1e-6 grow about linearly in kappa (60-100 at kappa = 1, 1500-2000 at kappa = 30 over
     * eight seeds), far below kappa^2. A diverged trial (step 0.5 at m = d r) is a failure.
     */
    @Test
    void spectralInitPhaseTransition() {
        List<TrialResult> trials = ExampleRuns.runQuickAllowingDivergence("sensing", "spectral-init-phase-transition");
        Map<String, TreeMap<Double, Double>> rate = trials.stream().collect(Collectors.groupingBy(
                t -> (String) t.sweepValues().get(ExperimentPlan.VARIANT),
                Collectors.groupingBy(t -> ExampleRuns.sweepValue(t, "measurement.m"), TreeMap::new,
                        Collectors.averagingDouble(t -> t.status() == TrialStatus.DONE ? t.finalMetric("success") : 0))));
        assertThat(rate).containsOnlyKeys("kappa-1", "kappa-3", "kappa-10", "kappa-30");
        rate.forEach((kappa, byM) -> {
            assertThat(byM.firstEntry().getValue()).as("success at m = d r, %s", kappa).isZero();
            assertThat(byM.get(80.0)).as("success at m = 2 d r, %s", kappa).isEqualTo(1.0);
            assertThat(byM.lastEntry().getValue()).as("success at m = 4 d r, %s", kappa).isEqualTo(1.0);
        });
        Map<String, Double> steps = trials.stream().filter(t -> ExampleRuns.sweepValue(t, "measurement.m") == 160.0)
                .collect(Collectors.groupingBy(t -> (String) t.sweepValues().get(ExperimentPlan.VARIANT),
                        Collectors.averagingInt(t -> firstBelow(t, "relative-error", 1e-6))));
        assertThat(steps.get("kappa-1")).isLessThan(steps.get("kappa-3"));
        assertThat(steps.get("kappa-3")).isLessThan(steps.get("kappa-10"));
        assertThat(steps.get("kappa-10")).isLessThan(steps.get("kappa-30"));
        assertThat(steps.get("kappa-30") / steps.get("kappa-1")).as("steps at kappa = 30 over kappa = 1").isBetween(5.0, 60.0);
    }

    /**
     * At m = 2dr the factorized model comes close to X* (relative error 2e-3 and 5e-3 on average at d = 20, 40, at most
     * 0.015 over eight seeds: this sample size is near the limit, and it converges slowly); PGD on the PSD cone fits
     * the data to 1e-23 with a wrong matrix (0.46-0.62 at d = 20, 0.75-0.82 at d = 40).
     */
    @Test
    void pgdVsFactorized() {
        List<TrialResult> trials = runQuick("pgd-vs-factorized");
        Comparator<TrialResult> byD = Comparator.comparingDouble(t -> ExampleRuns.sweepValue(t, "problem.d"));
        List<TrialResult> factorized = trials.stream()
                .filter(t -> "factorized".equals(t.sweepValues().get(ExperimentPlan.VARIANT))).sorted(byD).toList();
        List<TrialResult> pgd = trials.stream()
                .filter(t -> "pgd".equals(t.sweepValues().get(ExperimentPlan.VARIANT))).sorted(byD).toList();
        assertThat(factorized).hasSize(2).allSatisfy(t -> assertThat(t.finalMetric("relative-error")).isLessThan(0.05));
        // quick's budget reaches the variant that swaps the optimizer
        assertThat(pgd).hasSize(2).allSatisfy(t -> {
            assertThat(t.iterations()).isEqualTo(2000);
            assertThat(t.finalMetric("train-loss")).isLessThan(1e-10);
            assertThat(t.finalMetric("relative-error")).isGreaterThan(0.3);
        });
        TrialResult largest = pgd.get(1);
        assertThat(largest.finalMetric("relative-error")).isGreaterThan(pgd.get(0).finalMetric("relative-error"));
        assertThat(largest.finalMetric("test-error")).isGreaterThan(20 * factorized.get(1).finalMetric("test-error"));
    }

    /**
     * From the identity SGD interpolates (loss below 1e-14 over eight seeds) and does not generalize (test error above
     * 2); from 1e-3 I it does: test error 0.003-0.083 over 24 draws, the mean of three at most 0.036.
     */
    @Test
    void sgdIdentityInit() {
        List<TrialResult> trials = runQuick("sgd-identity-init");
        List<TrialResult> identity = trials.stream().filter(t -> ExampleRuns.sweepValue(t, "model.scale") == 1.0).toList();
        List<TrialResult> small = trials.stream().filter(t -> ExampleRuns.sweepValue(t, "model.scale") < 1.0).toList();
        assertThat(identity).hasSize(3).allSatisfy(t -> {
            assertThat(t.finalMetric("train-loss")).isLessThan(1e-10);
            assertThat(t.finalMetric("test-error")).isGreaterThan(1.0);
        });
        assertThat(small).hasSize(3).allSatisfy(t -> assertThat(t.finalMetric("test-error")).isLessThan(0.2));
        assertThat(small.stream().mapToDouble(t -> t.finalMetric("test-error")).average().orElseThrow()).isLessThan(0.05);
    }

    /** U and V stay balanced while they grow from alpha to order one, and U V^T stays of rank r. */
    @Test
    void asymmetricBalancing() {
        TrialResult trial = runQuick("asymmetric-balancing").get(0);
        assertThat(trial.finalMetric("singular-values[0]")).isGreaterThan(0.9);
        double largestImbalance = trial.series("imbalance").stream().mapToDouble(SeriesPoint::value).max().orElseThrow();
        assertThat(largestImbalance).isLessThan(1e-2);
        assertThat(trial.finalMetric("effective-rank")).isBetween(1.95, 2.05);
        assertThat(trial.finalMetric("relative-error")).isLessThan(1e-3);
        // the effective rank starts high (a random start) and falls to the rank of X*
        assertThat(trial.series("effective-rank").get(0).value()).isGreaterThan(5);
    }

    /** Every run reaches 1e-8; the iterations to get there grow far slower than n (like log n). */
    @Test
    void alsRankOne() {
        List<TrialResult> trials = runQuick("als-rank-one");
        TreeMap<Double, Double> iterations = new TreeMap<>();
        trials.stream().collect(Collectors.groupingBy(t -> ExampleRuns.sweepValue(t, "problem.rows"))).forEach((n, runs) -> {
            double mean = runs.stream().mapToInt(t -> {
                int reached = firstBelow(t, "relative-error", 1e-8);
                assertThat(reached).as("n = %s reaches 1e-8", n).isPositive();
                return reached;
            }).average().orElseThrow();
            iterations.put(n, mean);
        });
        double smallest = iterations.firstEntry().getValue();
        double largest = iterations.lastEntry().getValue();
        double growth = iterations.lastKey() / iterations.firstKey();
        assertThat(largest).isGreaterThan(smallest);
        // n grows 8-fold; linear growth would multiply the count by 8, sqrt(n) growth by 2.8.
        assertThat(largest / smallest).isLessThan(Math.sqrt(growth));
    }

    /** The convex program fails at m = d r and recovers X* exactly at m = 4 d r. */
    @Test
    void nuclearNormBaseline() {
        List<TrialResult> trials = runQuick("nuclear-norm-baseline");
        TrialResult few = trials.stream().min(Comparator.comparingDouble(t -> ExampleRuns.sweepValue(t, "measurement.m"))).orElseThrow();
        TrialResult many = trials.stream().max(Comparator.comparingDouble(t -> ExampleRuns.sweepValue(t, "measurement.m"))).orElseThrow();
        assertThat(few.finalMetric("relative-error")).isGreaterThan(0.1);
        assertThat(many.finalMetric("relative-error")).isLessThan(1e-4);
        assertThat(many.finalMetric("effective-rank")).isBetween(1.99, 2.01);
    }

    /** Rank-one projections train a quadratic network at d = 1000, where dense Gaussian sensing cannot be built. */
    @Test
    void quadraticNetwork() {
        ExperimentSpec spec = quickSpec("quadratic-network");
        assertThat(spec.pipeline().problem().parameters()).containsEntry("d", 1000);
        TrialResult trial = runQuick("quadratic-network").get(0);
        assertThat(trial.finalMetric("relative-error")).isLessThan(1e-2);
        assertThat(trial.finalMetric("subspace-angle")).isLessThan(1e-2);
        // The same experiment with dense Gaussian matrices would need m d^2 = 8e9 numbers: refused at build time.
        assertThatThrownBy(() -> ExperimentPlan.build(quickSpec("quadratic-network", "measurement.plugin=gaussian",
                "measurement.oversampling=8.0"), ComponentRegistry.discover()))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("rank-one-projection");
    }
}
