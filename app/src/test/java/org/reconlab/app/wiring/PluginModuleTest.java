package org.reconlab.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reconlab.app.plugin.LoadedPlugin;
import org.reconlab.app.plugin.PluginLoadException;
import org.reconlab.app.plugin.PluginLoader;
import org.reconlab.core.engine.ComponentRegistry;

class PluginModuleTest {

    @Test
    void theInjectorHandsOutTheRegistryOfEveryDiscoveredPlugin() {
        ComponentRegistry registry = Guice.createInjector(PluginModule.discovered(List.of())).getInstance(ComponentRegistry.class);
        assertThat(registry.moduleVersions()).containsKeys("core", "sensing", "networks", "sketching", "deconvolution",
                "app");
        assertThat(registry.entries().keySet()).isEqualTo(ComponentRegistry.discover().entries().keySet());
    }

    @Test
    void aNameOfferedTwiceFailsBeforeTheInjectorIsBuiltNamingBothSources() {
        LoadedPlugin core = PluginLoader.builtIn().stream().filter(p -> p.plugin().name().equals("core")).findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> new PluginModule(List.of(core, core))).isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("two plugins are named 'core': module core (built-in) and module core (built-in)");
    }
}
