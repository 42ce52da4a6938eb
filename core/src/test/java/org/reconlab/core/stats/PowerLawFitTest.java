package org.reconlab.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PowerLawFitTest {

    @Test
    void recoversAnExactPowerLaw() {
        double[] x = {1e-4, 1e-3, 1e-2, 1e-1};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 3.5 * Math.pow(x[i], 0.75);
        }
        PowerLawFit fit = PowerLawFit.fit(x, y);
        assertThat(fit.exponent()).isCloseTo(0.75, within(1e-12));
        assertThat(fit.prefactor()).isCloseTo(3.5, within(1e-10));
        assertThat(fit.rSquared()).isCloseTo(1.0, within(1e-12));
        assertThat(fit.points()).isEqualTo(4);
        assertThat(fit.predict(0.5)).isCloseTo(3.5 * Math.pow(0.5, 0.75), within(1e-10));
    }

    @Test
    void isTheLeastSquaresLineInLogLogCoordinates() {
        // log y = (0, 1, 3) at log x = (0, 1, 2): slope 1.5, intercept -1/6, residuals (1/6, -1/3, 1/6).
        double e = Math.E;
        PowerLawFit fit = PowerLawFit.fit(List.of(1.0, e, e * e), List.of(1.0, e, e * e * e));
        assertThat(fit.exponent()).isCloseTo(1.5, within(1e-12));
        assertThat(Math.log(fit.prefactor())).isCloseTo(-1.0 / 6, within(1e-12));
        // total variance of log y: (0, 1, 3) around 4/3 -> 16/9 + 1/9 + 25/9 = 42/9; residual 1/36 + 1/9 + 1/36 = 1/6
        assertThat(fit.rSquared()).isCloseTo(1 - (1.0 / 6) / (42.0 / 9), within(1e-12));
    }

    @Test
    void rejectsWhatALogLogFitCannotUse() {
        assertThatThrownBy(() -> PowerLawFit.fit(new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 values").hasMessageContaining("1");
        assertThatThrownBy(() -> PowerLawFit.fit(new double[] {1}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> PowerLawFit.fit(new double[] {1, 2}, new double[] {1, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("point 1");
        assertThatThrownBy(() -> PowerLawFit.fit(new double[] {1, Double.NaN}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> PowerLawFit.fit(new double[] {2, 2}, new double[] {1, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("equal");
    }
}
