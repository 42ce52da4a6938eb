package org.reconlab.networks.reparam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReparametrizationTest {

    private static final List<Reparametrization> ALL = List.of(Reparametrization.identity(),
            Reparametrization.lp(1.5, 0.01), Reparametrization.lp(1.2, 0.3), Reparametrization.lp(3, 0.1),
            Reparametrization.sinh(0.5));

    private static final double[] THETAS = {-2.1, -0.4, -0.03, 0.02, 0.3, 1.7};

    @Test
    void derivativesMatchFiniteDifferences() {
        for (Reparametrization r : ALL) {
            for (double theta : THETAS) {
                double h = 1e-6;
                double numeric = (r.rho(theta + h) - r.rho(theta - h)) / (2 * h);
                assertThat(r.rhoDerivative(theta)).as("%s at %s", r, theta).isCloseTo(numeric, within(1e-7 * (1 + Math.abs(numeric))));
                double w = r.rho(theta);
                double linkNumeric = (r.regularizer(w + h) - r.regularizer(w - h)) / (2 * h);
                assertThat(r.link(w)).as("%s at w = %s", r, w).isCloseTo(linkNumeric, within(1e-6 * (1 + Math.abs(linkNumeric))));
            }
        }
    }

    @Test
    void theRegularizerIsInducedByTheReparametrization() {
        // R''(w) = 1 / rho'(theta)^2 at w = rho(theta): the mirror-flow identity the implicit bias rests on.
        for (Reparametrization r : ALL) {
            for (double theta : THETAS) {
                double w = r.rho(theta);
                double h = 1e-6 * (1 + Math.abs(w));
                double curvature = (r.link(w + h) - r.link(w - h)) / (2 * h);
                double expected = 1 / (r.rhoDerivative(theta) * r.rhoDerivative(theta));
                assertThat(curvature).as("%s at %s", r, theta).isCloseTo(expected, within(1e-5 * expected));
                assertThat(r.inverseLinkDerivative(r.link(w))).isCloseTo(1 / expected, within(1e-9 / expected));
            }
        }
    }

    @Test
    void inverseLinkInvertsTheLinkAndEverythingVanishesAtZero() {
        for (Reparametrization r : ALL) {
            for (double w : new double[] {-3, -0.2, 0.01, 0.5, 4}) {
                assertThat(r.inverseLink(r.link(w))).as("%s", r).isCloseTo(w, within(1e-10 * (1 + Math.abs(w))));
            }
            assertThat(r.rho(0)).isZero();
            assertThat(r.regularizer(0)).isZero();
            assertThat(r.link(0)).isZero();
            assertThat(r.rhoDerivative(0)).isPositive();
        }
    }

    @Test
    void lpTendsToThePowerAsTheSmoothingVanishes() {
        // The correction to |w|^p / (p (p-1)) is of order beta^{p-1}.
        Reparametrization r = Reparametrization.lp(1.5, 1e-16);
        for (double w : new double[] {0.3, 2}) {
            assertThat(r.regularizer(w)).isCloseTo(Math.pow(w, 1.5) / (1.5 * 0.5), within(1e-7));
        }
        assertThat(Reparametrization.sinh(0.5).linkBound()).isCloseTo(0.25 * Math.PI, within(1e-15));
        assertThatThrownBy(() -> Reparametrization.lp(1, 0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("p = 1.0");
    }
}
