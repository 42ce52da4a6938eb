package org.reconlab.app.plugin;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one plugin from outside (a jar, or a directory of jars), shaped like Trino's
 * {@code PluginClassLoader}: classes of the SPI and of the libraries its signatures expose ({@code org.reconlab.core},
 * Colt, SLF4J) come from reconlab's own loader, so a plugin's {@code Plugin} is the interface reconlab calls and its
 * log lines reach reconlab's logback; everything else comes from the plugin's jars first and then from the JDK alone.
 * A plugin therefore never sees reconlab's other libraries (Guice, Jackson, picocli, ...) nor another plugin, and may
 * bring its own versions of them.
 */
final class PluginClassLoader extends URLClassLoader {

    /** Package prefixes served by reconlab: the SPI and engine, Colt (with the packages of its jar), SLF4J. */
    static final List<String> SHARED_PACKAGES = List.of("org.reconlab.core.", "cern.colt.", "cern.jet.", "cern.clhep.",
            "hep.aida.", "corejava.", "org.slf4j.");

    private final ClassLoader reconlab;

    PluginClassLoader(String name, List<URL> jars, ClassLoader reconlab) {
        super(name, jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        this.reconlab = reconlab;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isShared(name)) {
            return reconlab.loadClass(name);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                try {
                    loaded = findClass(name);
                } catch (ClassNotFoundException notInThePlugin) {
                    loaded = getParent().loadClass(name);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public URL getResource(String name) {
        if (isShared(name.replace('/', '.'))) {
            return reconlab.getResource(name);
        }
        URL own = findResource(name);
        return own != null ? own : getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        // Own resources only (and the JDK's): ServiceLoader over this loader finds this plugin's services, not the
        // built-in ones.
        return isShared(name.replace('/', '.')) ? reconlab.getResources(name) : super.getResources(name);
    }

    private static boolean isShared(String name) {
        for (String prefix : SHARED_PACKAGES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
