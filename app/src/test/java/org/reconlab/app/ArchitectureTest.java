package org.reconlab.app;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.reconlab.core.spi.Plugin;

/**
 * The module rules (README, "Modules") as tests over the main classes of every module (app's test class path holds them
 * all): a plugin module depends on core alone, never on a sibling or on app; the SPI package imports only the JDK,
 * Colt and SLF4J; app reaches a plugin module only through its {@link Plugin} entry point.
 */
@AnalyzeClasses(packages = "org.reconlab", importOptions = {ImportOption.DoNotIncludeTests.class,
    ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {

    private static final String CORE = "org.reconlab.core..";
    private static final String APP = "org.reconlab.app..";
    private static final String[] PLUGIN_MODULES = {"org.reconlab.sensing..", "org.reconlab.networks..",
        "org.reconlab.sketching..", "org.reconlab.deconvolution.."};

    @ArchTest
    static final ArchRule coreDependsOnNoOtherModule = noClasses().that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(concat(PLUGIN_MODULES, APP, "org.reconlab.benchmarks.."))
            .because("core is what every module builds on");

    @ArchTest
    static final ArchRule sensingDependsOnCoreOnly = pluginDependsOnCoreOnly("org.reconlab.sensing..");

    @ArchTest
    static final ArchRule networksDependsOnCoreOnly = pluginDependsOnCoreOnly("org.reconlab.networks..");

    @ArchTest
    static final ArchRule sketchingDependsOnCoreOnly = pluginDependsOnCoreOnly("org.reconlab.sketching..");

    @ArchTest
    static final ArchRule deconvolutionDependsOnCoreOnly = pluginDependsOnCoreOnly("org.reconlab.deconvolution..");

    @ArchTest
    static final ArchRule spiImportsOnlyTheJdkColtAndSlf4j = classes().that().resideInAPackage("org.reconlab.core.spi")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "cern.colt..", "cern.jet..", "org.slf4j..",
                    "org.reconlab.core.spi")
            .because("a plugin compiles against the SPI and the libraries it exposes, nothing else");

    @ArchTest
    static final ArchRule appReachesPluginModulesOnlyThroughTheirEntryPoints = noClasses().that().resideInAPackage(APP)
            .should().dependOnClassesThat(resideInAnyPackage(PLUGIN_MODULES).and(not(assignableTo(Plugin.class))))
            .because("app finds plugins with ServiceLoader and talks to them through the SPI");

    private static ArchRule pluginDependsOnCoreOnly(String module) {
        String[] others = java.util.Arrays.stream(PLUGIN_MODULES).filter(m -> !m.equals(module)).toArray(String[]::new);
        return noClasses().that().resideInAPackage(module)
                .should().dependOnClassesThat().resideInAnyPackage(concat(others, APP, "org.reconlab.benchmarks.."))
                .because("plugin modules never depend on each other; what two of them need moves down into core");
    }

    /** Leaves out test classes that come as a jar ({@code reconlab-core-*-tests.jar} when Maven builds the reactor). */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
