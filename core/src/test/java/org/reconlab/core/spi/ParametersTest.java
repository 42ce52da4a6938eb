package org.reconlab.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParametersTest {

    private static final Parameters PARAMETERS = Parameters.of(
            Parameter.integer("d", 100, 1, Integer.MAX_VALUE, "dimension"),
            Parameter.integer("width", null, 1, Integer.MAX_VALUE, "derived from d when absent"),
            Parameter.real("scale", 1e-3, Double.MIN_VALUE, Double.MAX_VALUE, "scale"),
            Parameter.choice("init", "identity", List.of("identity", "spectral"), "initialization"),
            Parameter.bool("noisy", false, "add noise"),
            Parameter.reals("levels", List.of(0.1, 0.2), 0, 1, "noise levels"));

    @Test
    void defaultsFillWhatTheSpecLeavesOut() {
        Config config = PARAMETERS.validate(Map.of());
        assertThat(config.integer("d")).isEqualTo(100);
        assertThat(config.optionalInteger("width")).isEmpty();
        assertThat(config.real("scale")).isEqualTo(1e-3);
        assertThat(config.choice("init")).isEqualTo("identity");
        assertThat(config.bool("noisy")).isFalse();
        assertThat(config.reals("levels")).containsExactly(0.1, 0.2);
        assertThat(config.asMap()).doesNotContainKey("width").containsEntry("d", 100);
    }

    @Test
    void valuesAreCoercedToTheirCanonicalTypes() {
        Config config = PARAMETERS.validate(Map.of("d", 2.5e3, "scale", 1, "levels", List.of(1, 0.5), "width", 7L));
        assertThat(config.integer("d")).isEqualTo(2500);
        assertThat(config.real("scale")).isEqualTo(1.0);
        assertThat(config.reals("levels")).containsExactly(1.0, 0.5);
        assertThat(config.optionalInteger("width")).hasValue(7);
    }

    @Test
    void badValuesNameTheKeyTheValueAndWhatIsAllowed() {
        assertThatThrownBy(() -> PARAMETERS.validate(Map.of("d", 0)))
                .isInstanceOf(ConfigException.class).hasMessage("bad value 0; allowed: an integer >= 1")
                .extracting(e -> ((ConfigException) e).key()).isEqualTo("d");
        assertThatThrownBy(() -> PARAMETERS.validate(Map.of("scale", 0.0)))
                .hasMessage("bad value 0.0; allowed: a real number > 0");
        assertThatThrownBy(() -> PARAMETERS.validate(Map.of("init", "random")))
                .hasMessage("bad value 'random' (a string); allowed: one of identity, spectral");
        assertThatThrownBy(() -> PARAMETERS.validate(Map.of("noisy", "yes please")))
                .hasMessage("bad value 'yes please' (a string); allowed: true or false");
        assertThatThrownBy(() -> PARAMETERS.validate(Map.of("levels", List.of(0.5, 2.0))))
                .hasMessage("bad value 2.0; allowed: a non-empty list, each element a real number in [0.0, 1.0]");
        assertThatThrownBy(() -> PARAMETERS.validate(Map.of("levels", List.of())))
                .hasMessage("bad value [] (a list); allowed: a non-empty list, each element a real number in [0.0, 1.0]");
        assertThatThrownBy(() -> PARAMETERS.validate(Map.of("d", Double.NaN))).hasMessageContaining("bad value NaN");
        assertThatThrownBy(() -> PARAMETERS.validate(Map.of("dd", 3)))
                .hasMessage("unknown key 'dd'; allowed keys: d, width, scale, init, noisy, levels");
    }

    @Test
    void declarationsAreChecked() {
        assertThatThrownBy(() -> Parameter.integer("Bad_Name", 1, 0, 2, "doc")).hasMessageContaining("kebab-case");
        assertThatThrownBy(() -> Parameter.integer("n", 5, 0, 2, "doc")).hasMessageContaining("bad value 5");
        assertThatThrownBy(() -> Parameters.of(Parameter.bool("x", true, "a"), Parameter.bool("x", false, "b")))
                .hasMessageContaining("declared twice");
    }
}
