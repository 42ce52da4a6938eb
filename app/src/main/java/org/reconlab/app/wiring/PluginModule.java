package org.reconlab.app.wiring;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.name.Named;
import com.google.inject.name.Names;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.reconlab.core.engine.ComponentRegistry;
import org.reconlab.core.spi.ComponentFactory;
import org.reconlab.core.spi.ComponentKind;
import org.reconlab.core.spi.Plugin;

/**
 * Binds every factory of the given plugins into a Guice {@link MapBinder} by name, one map per component kind, and
 * provides the {@link ComponentRegistry} built from those maps. A name offered twice fails at start-up with both
 * module names (checked here, so the message is ours rather than Guice's).
 */
public final class PluginModule extends AbstractModule {

    private final List<Plugin> plugins;

    public PluginModule(List<Plugin> plugins) {
        this.plugins = List.copyOf(requireNonNull(plugins, "plugins is null"));
    }

    /** The module for every plugin on the class path. */
    public static PluginModule discovered() {
        List<Plugin> plugins = new ArrayList<>();
        ServiceLoader.load(Plugin.class).forEach(plugins::add);
        if (plugins.isEmpty()) {
            throw new IllegalStateException("no reconlab plugin found on the class path"
                    + " (META-INF/services/org.reconlab.core.spi.Plugin)");
        }
        return new PluginModule(plugins);
    }

    @Override
    protected void configure() {
        Map<String, String> modules = new HashMap<>();
        MapBinder<String, ComponentFactory<?>> factories = MapBinder.newMapBinder(binder(),
                new TypeLiteral<String>() { }, new TypeLiteral<ComponentFactory<?>>() { });
        MapBinder<String, String> moduleOfFactory = MapBinder.newMapBinder(binder(), String.class, String.class,
                Names.named("module-of-factory"));
        MapBinder<String, ComponentKind> kindOfFactory = MapBinder.newMapBinder(binder(), String.class, ComponentKind.class);
        MapBinder<String, String> versions = MapBinder.newMapBinder(binder(), String.class, String.class,
                Names.named("module-versions"));
        for (Plugin plugin : plugins) {
            versions.addBinding(plugin.name()).toInstance(plugin.version());
            for (ComponentRegistry.Entry entry : ComponentRegistry.entriesOf(plugin)) {
                String name = entry.factory().name();
                String previous = modules.putIfAbsent(name, entry.module());
                if (previous != null) {
                    throw new IllegalStateException("two plugins offer a component named '" + name + "': module "
                            + previous + " and module " + entry.module());
                }
                factories.addBinding(name).toInstance(entry.factory());
                moduleOfFactory.addBinding(name).toInstance(entry.module());
                kindOfFactory.addBinding(name).toInstance(entry.kind());
            }
        }
    }

    @Provides
    @Singleton
    ComponentRegistry registry(Map<String, ComponentFactory<?>> factories, Map<String, ComponentKind> kinds,
            @Named("module-of-factory") Map<String, String> modules,
            @Named("module-versions") Map<String, String> versions) {
        List<ComponentRegistry.Entry> entries = new ArrayList<>();
        factories.forEach((name, factory) -> entries.add(new ComponentRegistry.Entry(kinds.get(name), factory, modules.get(name))));
        return ComponentRegistry.fromEntries(entries, versions);
    }
}
