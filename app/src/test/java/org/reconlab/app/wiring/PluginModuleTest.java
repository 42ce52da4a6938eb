package org.reconlab.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reconlab.app.plugin.CodeOrigin;
import org.reconlab.app.plugin.LoadedPlugin;
import org.reconlab.app.plugin.PluginLoadException;
import org.reconlab.app.plugin.PluginLoader;
import org.reconlab.core.CorePlugin;
import org.reconlab.core.engine.ComponentRegistry;
import org.reconlab.core.optim.GradientDescent;
import org.reconlab.core.spi.OptimizerFactory;
import org.reconlab.core.spi.Plugin;

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
        Plugin copy = new Plugin() {
            @Override
            public String name() {
                return "copycat";
            }

            @Override
            public List<OptimizerFactory> optimizers() {
                return List.of(new GradientDescent.Factory());
            }
        };
        CodeOrigin origin = PluginLoader.builtIn().get(0).origin();
        List<LoadedPlugin> clashing = List.of(new LoadedPlugin(new CorePlugin(), origin), new LoadedPlugin(copy, origin));
        assertThatThrownBy(() -> new PluginModule(clashing)).isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("two factories are named 'gradient-descent'")
                .hasMessageContaining("module core (built-in)").hasMessageContaining("module copycat (built-in)");
    }
}
