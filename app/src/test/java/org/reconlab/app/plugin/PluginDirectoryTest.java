package org.reconlab.app.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconlab.app.Bash;
import org.reconlab.app.Cli;
import org.reconlab.core.spi.Plugin;

/** Plugins from outside: loaded from a plugin path in their own class loaders, listed, run, recorded, refused. */
class PluginDirectoryTest {

    private static final String COMMIT_A = "a".repeat(40);
    private static final String COMMIT_B = "b".repeat(40);

    @TempDir
    Path temp;

    private Path pluginDirectory() throws IOException {
        return Files.createDirectories(temp.resolve("plugins"));
    }

    private Path spec() throws IOException {
        String toy = Files.readString(Path.of("src/test/resources/specs/toy.yaml"));
        return Files.writeString(temp.resolve("with-external-metric.yaml"),
                toy.replace("metrics:     [relative-error, train-loss, test-error]",
                        "metrics:     [relative-error, ext-constant]"));
    }

    @Test
    void eachPluginGetsALoaderThatSeesTheSpiButNotReconlabsOtherLibraries() throws Exception {
        Path jar = PluginJars.constantMetric(pluginDirectory().resolve("ext.jar"), "ext", "ext-constant", 7,
                Map.of("Implementation-Version", "2.0.1", "Git-Commit", COMMIT_A, "Git-Dirty", "false"));

        List<LoadedPlugin> loaded = PluginLoader.load(List.of(jar.getParent()));

        LoadedPlugin external = loaded.stream().filter(p -> p.plugin().name().equals("ext")).findFirst().orElseThrow();
        ClassLoader loader = external.plugin().getClass().getClassLoader();
        assertThat(loader).isInstanceOf(PluginClassLoader.class);
        assertThat(loader.loadClass(Plugin.class.getName())).isSameAs(Plugin.class);
        assertThat(loader.loadClass("cern.colt.matrix.DoubleMatrix2D")).isSameAs(cern.colt.matrix.DoubleMatrix2D.class);
        assertThat(loader.loadClass("org.slf4j.Logger")).isSameAs(org.slf4j.Logger.class);
        assertThatThrownBy(() -> loader.loadClass("com.google.inject.Injector")).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> loader.loadClass("org.reconlab.sensing.SensingPlugin"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(external.origin().source()).isEqualTo(jar.toString());
        assertThat(external.origin().version()).isEqualTo("2.0.1");
        assertThat(external.origin().commit()).isEqualTo(COMMIT_A);
        assertThat(loaded).filteredOn(p -> p.origin().source().equals(CodeOrigin.BUILT_IN)).isNotEmpty();
    }

    @Test
    void aDirectoryOfJarsIsOnePluginAndAPathListNamesSeveral() throws Exception {
        Path withLibraries = Files.createDirectories(pluginDirectory().resolve("ext-with-libraries"));
        PluginJars.constantMetric(withLibraries.resolve("ext.jar"), "ext", "ext-constant", 7, Map.of());
        Path other = Files.createDirectories(temp.resolve("other"));
        PluginJars.constantMetric(other.resolve("second.jar"), "second", "second-constant", 8, Map.of());

        List<LoadedPlugin> loaded = PluginLoader.load(
                PluginLoader.parsePathList(pluginDirectory() + java.io.File.pathSeparator + other));

        assertThat(loaded).extracting(p -> p.plugin().name()).contains("ext", "second");
        assertThat(loaded).filteredOn(p -> p.plugin().name().equals("ext"))
                .extracting(p -> p.origin().source()).containsExactly(withLibraries.toString());
        assertThat(loaded).filteredOn(p -> p.plugin().name().equals("second"))
                .extracting(p -> p.origin().version()).containsExactly("unknown");
    }

    @Test
    void runsAComponentFromOutsideAndRecordsItsOwnVersionAndCommit() throws Exception {
        Path jar = PluginJars.constantMetric(pluginDirectory().resolve("ext.jar"), "ext", "ext-constant", 7,
                Map.of("Git-Commit", COMMIT_A, "Git-Dirty", "true"));
        Path out = temp.resolve("run");

        Cli.Result run = Cli.run("--plugins", jar.getParent().toString(), "run", spec().toString(), "--quick",
                "--threads", "1", "--out", out.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("trials.csv")).get(0)).contains("ext-constant");
        assertThat(Files.readAllLines(out.resolve("trials.csv")).get(1)).contains(",7.0,").doesNotContain("nan");
        Map<?, ?> manifest = JsonMapper.builder().build().readValue(out.resolve("manifest.json").toFile(), Map.class);
        assertThat(((Map<?, ?>) manifest.get("modules")).get("ext")).isEqualTo("unknown");
        Map<?, ?> code = (Map<?, ?>) manifest.get("code");
        Map<?, ?> ext = (Map<?, ?>) ((Map<?, ?>) code.get("plugins")).get("ext");
        assertThat(ext.get("version")).isEqualTo("unknown");
        assertThat(ext.get("commit")).isEqualTo(COMMIT_A);
        assertThat(ext.get("dirty")).isEqualTo("true");
        assertThat(ext.get("source")).isEqualTo(jar.toString());
        assertThat(List.copyOf(((Map<?, ?>) code.get("reconlab")).keySet()))
                .isEqualTo(List.of("source", "version", "commit", "dirty", "classes"));
    }

    @Test
    void resumeWithOtherPluginCodeIsRefusedNamingBothCommits() throws Exception {
        Path jar = pluginDirectory().resolve("ext.jar");
        PluginJars.constantMetric(jar, "ext", "ext-constant", 7, Map.of("Git-Commit", COMMIT_A));
        Path out = temp.resolve("run");
        String[] run = {"--plugins", jar.toString(), "run", spec().toString(), "--quick", "--threads", "1", "--out",
            out.toString()};
        assertThat(Cli.run(run).code()).isZero();
        assertThat(Cli.run(run).out()).as("the same code resumes").contains("resumed");

        PluginJars.constantMetric(jar, "ext", "ext-constant", 9, Map.of("Git-Commit", COMMIT_B));
        Cli.Result refused = Cli.run(run);

        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("different code").contains("plugin ext")
                .contains(COMMIT_A.substring(0, 12)).contains(COMMIT_B.substring(0, 12));
    }

    @Test
    void slurmArrayTasksLoadThePluginsTheirCommandWasGiven() throws Exception {
        Path jar = PluginJars.constantMetric(pluginDirectory().resolve("ext.jar"), "ext", "ext-constant", 7, Map.of());
        Path out = temp.resolve("array");

        Cli.Result written = Cli.run("--plugins", jar.getParent().toString(), "slurm", spec().toString(), "--quick",
                "--out", out.toString());

        assertThat(written.code()).as(written.err()).isZero();
        Path slurm = out.resolve("slurm");
        assertThat(Files.readString(slurm.resolve("run.sbatch"))).contains("--plugins " + jar.getParent());
        // Each task is a fresh JVM: without the path in its command it would not know the metric and fail.
        for (int task = 0; task < 2; task++) {
            Bash.Result shard = Bash.run(Map.of("SLURM_ARRAY_TASK_ID", Integer.toString(task), "SLURM_CPUS_PER_TASK",
                    "1"), slurm.resolve("run.sbatch").toString());
            assertThat(shard.code()).as(shard.output()).isZero();
        }
        Bash.Result merge = Bash.run(Map.of(), slurm.resolve("merge.sbatch").toString());
        assertThat(merge.code()).as(merge.output()).isZero();
        List<String> trials = Files.readAllLines(out.resolve("trials.csv"));
        assertThat(trials).hasSize(3);
        assertThat(trials.get(0)).contains("ext-constant");
        assertThat(trials.subList(1, 3)).allSatisfy(row -> assertThat(row).contains(",7.0"));
    }

    @Test
    void listShowsWhereEachModuleCameFrom() throws Exception {
        Path jar = PluginJars.constantMetric(pluginDirectory().resolve("ext.jar"), "ext", "ext-constant", 7,
                Map.of("Implementation-Version", "2.0.1"));

        Cli.Result list = Cli.run("--plugins", jar.getParent().toString(), "list");

        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).containsPattern("ext-constant +ext ").containsPattern("ext +2\\.0\\.1 +" + jar)
                .containsPattern("sensing +\\S+ +built-in");
        assertThat(Cli.run("--plugins", jar.toString(), "list", "--json").out()).contains("\"source\" : \"" + jar);
    }

    @Test
    void twoComponentsOfOneNameStopTheRunNamingBothJars() throws Exception {
        Path first = PluginJars.constantMetric(pluginDirectory().resolve("first.jar"), "first", "ext-constant", 1,
                Map.of());
        Path second = PluginJars.constantMetric(pluginDirectory().resolve("second.jar"), "second", "ext-constant", 2,
                Map.of());

        Cli.Result clash = Cli.run("--plugins", pluginDirectory().toString(), "list");

        assertThat(clash.code()).isEqualTo(2);
        assertThat(clash.err()).contains("ext-constant").contains(first.toString()).contains(second.toString());
    }

    @Test
    void aComponentNamedLikeABuiltInOneIsRefusedToo() throws Exception {
        Path jar = PluginJars.constantMetric(pluginDirectory().resolve("shadow.jar"), "shadow", "relative-error", 1,
                Map.of());

        Cli.Result clash = Cli.run("--plugins", jar.toString(), "list");

        assertThat(clash.code()).isEqualTo(2);
        assertThat(clash.err()).contains("relative-error").contains("built-in").contains(jar.toString());
    }

    @Test
    void aPathWithoutPluginsIsRefused() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        assertThat(Cli.run("--plugins", empty.toString(), "list").err()).contains("holds no .jar file");
        assertThat(Cli.run("--plugins", temp.resolve("missing").toString(), "list").err()).contains("does not exist");
    }
}
