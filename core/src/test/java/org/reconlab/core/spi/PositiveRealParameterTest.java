package org.reconlab.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A positive real refuses 0 and negatives, takes any positive value, and says so. */
class PositiveRealParameterTest {

    @Test
    void refusesZeroAndNegativesAndTakesTheSmallestPositiveValues() {
        Parameter step = Parameter.positiveReal("step", null, "step size");

        assertThat(step.allowed()).isEqualTo("a real number > 0");
        assertThat(step.coerce(1e-300)).isEqualTo(1e-300);
        assertThat(step.coerce(5)).isEqualTo(5.0);
        assertThatThrownBy(() -> step.coerce(0.0)).isInstanceOf(ConfigException.class).hasMessageContaining("> 0");
        assertThatThrownBy(() -> step.coerce(-1.0)).isInstanceOf(ConfigException.class).hasMessageContaining("> 0");
        assertThat(step).isEqualTo(Parameter.real("step", null, Parameter.POSITIVE, Double.MAX_VALUE, "step size"));
    }
}
