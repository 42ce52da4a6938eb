package org.reconlab.sensing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.reconlab.core.engine.ComponentRegistry;
import org.reconlab.core.spi.ComponentKind;

class SensingPluginTest {

    @Test
    void isDiscoveredThroughServiceLoaderWithItsFactories() {
        ComponentRegistry registry = ComponentRegistry.discover();
        assertThat(registry.moduleVersions()).containsKeys("core", "sensing");
        assertThat(registry.entries(ComponentKind.PROBLEM)).containsKey("psd-low-rank");
        assertThat(registry.entries(ComponentKind.MEASUREMENT)).containsKey("gaussian");
        assertThat(registry.entries(ComponentKind.MODEL)).containsKey("factorized-symmetric");
        assertThat(registry.find("gaussian").orElseThrow().module()).isEqualTo("sensing");
    }
}
