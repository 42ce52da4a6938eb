package org.reconlab.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogLogFitTest {

    private static final double EXACT = 1e-12;

    @Test
    void recoversTheExponentAndPrefactorOfExactPowerLaws() {
        double[] x = {1e-4, 1e-3, 1e-2, 1e-1, 1};
        for (double exponent : new double[] {-1.5, -0.5, 0.5, 1, 2, 3}) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = 7.0 * Math.pow(x[i], exponent);
            }
            LogLogFit fit = LogLogFit.fit(x, y);
            assertThat(fit.slope()).as("exponent %s", exponent).isCloseTo(exponent, within(EXACT));
            assertThat(fit.intercept()).isCloseTo(Math.log10(7.0), within(EXACT));
            assertThat(fit.rSquared()).isCloseTo(1.0, within(EXACT));
            assertThat(fit.points()).isEqualTo(5);
            assertThat(fit.skipped()).isZero();
            assertThat(fit.predict(0.05)).isCloseTo(7.0 * Math.pow(0.05, exponent), within(1e-9 * fit.predict(0.05)));
        }
    }

    @Test
    void aConstantIsSlopeZeroAndExact() {
        LogLogFit fit = LogLogFit.fit(new double[] {1, 10, 100}, new double[] {3, 3, 3});
        assertThat(fit.slope()).isCloseTo(0.0, within(EXACT));
        assertThat(fit.rSquared()).isEqualTo(1.0);
    }

    @Test
    void matchesTheClosedFormLeastSquaresLineOnTheLogScale() {
        // log10 points (0, 0), (1, 1), (2, 3): slope = sum du dv / sum du^2 = 3 / 2, intercept = 4/3 - 3/2 = -1/6.
        LogLogFit fit = LogLogFit.fit(new double[] {1, 10, 100}, new double[] {1, 10, 1000});
        assertThat(fit.slope()).isCloseTo(1.5, within(EXACT));
        assertThat(fit.intercept()).isCloseTo(-1.0 / 6.0, within(EXACT));
        // residuals 1/6, -1/3, 1/6: SS_res = 1/6; SS_tot = (4/3)^2 + (1/3)^2 + (5/3)^2 = 42/9.
        assertThat(fit.rSquared()).isCloseTo(1.0 - (1.0 / 6.0) / (42.0 / 9.0), within(EXACT));
    }

    @Test
    void noiseInLogSpaceLeavesTheSlopeNearTheTruthAndLowersRSquared() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 200;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.pow(10, -4 + 4.0 * i / (n - 1));
            y[i] = Math.pow(x[i], 0.5) * Math.pow(10, 0.05 * (random.nextDouble() - 0.5));
        }
        LogLogFit fit = LogLogFit.fit(x, y);
        assertThat(fit.slope()).isCloseTo(0.5, within(0.01));
        assertThat(fit.rSquared()).isLessThan(1.0).isGreaterThan(0.99);
    }

    @Test
    void skipsPointsWithoutALogarithmAndCountsThem() {
        double[] x = {0, 1, 10, 100, -5, Double.NaN, 1000};
        double[] y = {1, 2, 20, 200, 1, 1, Double.POSITIVE_INFINITY};
        LogLogFit fit = LogLogFit.fit(x, y);
        assertThat(fit.slope()).isCloseTo(1.0, within(EXACT));
        assertThat(fit.points()).isEqualTo(3);
        assertThat(fit.skipped()).isEqualTo(4);
    }

    @Test
    void fewerThanTwoDistinctUsableXIsUndefined() {
        assertThat(LogLogFit.fit(new double[] {}, new double[] {}).isDefined()).isFalse();
        LogLogFit one = LogLogFit.fit(new double[] {1, 2}, new double[] {1, 0});
        assertThat(one.isDefined()).isFalse();
        assertThat(one.slope()).isNaN();
        assertThat(one.points()).isEqualTo(1);
        LogLogFit vertical = LogLogFit.fit(new double[] {5, 5, 5}, new double[] {1, 2, 3});
        assertThat(vertical.isDefined()).isFalse();
        assertThat(vertical.rSquared()).isNaN();
    }

    @Test
    void mismatchedLengthsAreRejectedWithBothLengths() {
        assertThatThrownBy(() -> LogLogFit.fit(new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("x has 2 values but y has 1");
    }
}
