package org.reconlab.app.cluster;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.reconlab.app.output.AtomicFiles;
import org.reconlab.core.kernel.DenseOperatorKernels;
import org.reconlab.core.spi.ReconlabVersion;

/**
 * Writes the Slurm scripts that run an experiment as a job array, one array task per {@link Shard}, and merge the
 * shards when all of them have succeeded:
 *
 * <pre>
 * DIR/slurm/run.sbatch    job array 0..n-1; task i runs `reconlab run SPEC --out DIR --shard i/n ...`
 * DIR/slurm/merge.sbatch  runs `reconlab merge DIR`
 * DIR/slurm/submit.sh     submits run.sbatch, then merge.sbatch with --dependency=afterok:ARRAY_JOB
 *                         (and --kill-on-invalid-dep=yes: if a shard fails the merge is cancelled, not left pending);
 *                         writes the job ids to DIR/slurm/submitted
 * DIR/slurm/logs/         the jobs' output
 * </pre>
 *
 * The scripts run the JVM and class path of the reconlab that wrote them (override the JVM with the environment
 * variable RECONLAB_JAVA, add JVM options with RECONLAB_JAVA_OPTS), so the nodes must see the same paths: the usual
 * shared file system of a cluster. Submitting again resumes: every shard keeps its finished trials.
 */
public final class SlurmScripts {

    public static final String SLURM = "slurm";
    public static final String RUN = "run.sbatch";
    public static final String MERGE = "merge.sbatch";
    public static final String SUBMIT = "submit.sh";
    public static final String SUBMITTED = "submitted";
    public static final String LOGS = "logs";

    private static final String MAIN_CLASS = "org.reconlab.app.cli.Main";
    private static final Pattern DIRECTIVE = Pattern.compile("[a-z][a-z0-9-]*(=[^\\s]+)?");

    /**
     * What to run.
     *
     * @param name the experiment's name, for job names
     * @param spec the spec file (made absolute)
     * @param out the run directory (made absolute)
     * @param runOptions options for {@code reconlab run} besides {@code --out}, {@code --shard} and
     *     {@code --threads} ({@code --quick}, {@code --set k=v}, {@code --save-arrays})
     * @param threadsPerShard CPUs each array task asks for and the threads its run uses
     * @param directives extra {@code #SBATCH} options for both jobs, as {@code key=value} or {@code key}
     *     ({@code partition=short}, {@code time=02:00:00}, {@code mem=8G})
     * @param java the JVM to run
     * @param jvmOptions options for that JVM before the class path ({@link #currentJvmOptions()})
     * @param classPath the class path holding reconlab and its plugins
     */
    public record Job(String name, Path spec, Path out, int shards, List<String> runOptions, int threadsPerShard,
            List<String> directives, Path java, List<String> jvmOptions, String classPath) {

        public Job {
            requireNonNull(name, "name is null");
            spec = spec.toAbsolutePath().normalize();
            out = out.toAbsolutePath().normalize();
            runOptions = List.copyOf(runOptions);
            directives = List.copyOf(directives);
            requireNonNull(java, "java is null");
            jvmOptions = List.copyOf(jvmOptions);
            requireNonNull(classPath, "classPath is null");
            if (shards < 1) {
                throw new IllegalArgumentException("shards must be >= 1, got " + shards);
            }
            if (threadsPerShard < 1) {
                throw new IllegalArgumentException("threads per shard must be >= 1, got " + threadsPerShard);
            }
            if (out.toString().matches(".*\\s.*")) {
                throw new IllegalArgumentException("the run directory " + out + " has white space in its path, which"
                        + " #SBATCH lines cannot hold; choose another --out");
            }
            if (!java.toString().matches("[^\"$`\\\\}]+")) {
                throw new IllegalArgumentException("the JVM path " + java + " has characters the scripts cannot quote");
            }
            for (String directive : directives) {
                if (!DIRECTIVE.matcher(directive).matches()) {
                    throw new IllegalArgumentException("sbatch option '" + directive + "': expected key=value or key,"
                            + " such as partition=short or time=02:00:00");
                }
            }
        }
    }

    /** The launcher's huge-page option, which a job passes on only where its node offers huge pages. */
    static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";

    /** The line the JVM writes to stderr at every start with an incubator module. */
    static final String INCUBATOR_NOTICE = "WARNING: Using incubator modules: " + DenseOperatorKernels.VECTOR_MODULE;

    /** Where Linux says whether it offers transparent huge pages: {@code always}, {@code madvise} or {@code never}. */
    static final String TRANSPARENT_HUGE_PAGES = "/sys/kernel/mm/transparent_hugepage/enabled";

    /** Options of this JVM that {@link #currentJvmOptions()} passes on to the jobs when it runs with them. */
    static final Set<String> PASSED_ON = Set.of("-XX:+UseParallelGC", HUGE_PAGES);

    private SlurmScripts() {
    }

    /** The JVM and class path of this process, absolute, as the scripts should run them. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * The JVM options of this process that the jobs need too: {@code --add-modules jdk.incubator.vector} when this
     * JVM runs with it, so the array tasks compute on the same (vector) kernels as a direct run, and the collector and
     * huge-page options ({@link #PASSED_ON}) that {@code ./reconlab} chose for it.
     */
    public static List<String> currentJvmOptions() {
        List<String> options = new ArrayList<>();
        if (DenseOperatorKernels.vectorModuleLoaded()) {
            options.addAll(List.of("--add-modules", DenseOperatorKernels.VECTOR_MODULE));
        }
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (PASSED_ON.contains(argument) && !options.contains(argument)) {
                options.add(argument);
            }
        }
        return options;
    }

    /** This process's class path with every entry made absolute. */
    public static String currentClassPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(Pattern.quote(File.pathSeparator))) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry).toAbsolutePath().normalize().toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** Writes the scripts into {@code job.out()/slurm}; returns that folder. */
    public static Path write(Job job) throws IOException {
        Path folder = job.out().resolve(SLURM);
        try {
            Files.createDirectories(folder.resolve(LOGS));
        } catch (IOException e) {
            throw new IOException("cannot create " + folder.resolve(LOGS) + ": " + e, e);
        }
        Map<String, String> scripts = Map.of(RUN, runScript(job), MERGE, mergeScript(job), SUBMIT, submitScript(job));
        for (Map.Entry<String, String> script : scripts.entrySet()) {
            Path file = folder.resolve(script.getKey());
            AtomicFiles.write(file, script.getValue().getBytes(StandardCharsets.UTF_8));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the scripts still run with `bash FILE` and `sbatch FILE`.
            }
        }
        return folder;
    }

    /** The job array: task i runs shard i of n. */
    public static String runScript(Job job) {
        Path logs = job.out().resolve(SLURM).resolve(LOGS);
        StringBuilder script = header(job, "one Slurm array task per shard of the experiment");
        directive(script, "job-name=" + jobName(job.name()));
        directive(script, "array=0-" + (job.shards() - 1));
        directive(script, "ntasks=1");
        directive(script, "cpus-per-task=" + job.threadsPerShard());
        directive(script, "output=" + logs.resolve("run-%A_%a.out"));
        job.directives().forEach(d -> directive(script, d));
        script.append("set -euo pipefail\n")
                .append(": \"${SLURM_ARRAY_TASK_ID:?run.sbatch runs as a Slurm array task: submit it with submit.sh}\"\n");
        List<String> arguments = new ArrayList<>(List.of("run", job.spec().toString(), "--out", job.out().toString()));
        arguments.addAll(job.runOptions());
        script.append(launch(job, arguments, " \\\n  --shard \"${SLURM_ARRAY_TASK_ID}/" + job.shards() + "\""
                + " --threads \"${SLURM_CPUS_PER_TASK:-" + job.threadsPerShard() + "}\""));
        return script.toString();
    }

    /** The collector: merges the shards into DIR. */
    public static String mergeScript(Job job) {
        Path logs = job.out().resolve(SLURM).resolve(LOGS);
        StringBuilder script = header(job, "merges the shards once every array task has succeeded");
        directive(script, "job-name=" + jobName(job.name()) + "-merge");
        directive(script, "ntasks=1");
        directive(script, "cpus-per-task=1");
        directive(script, "output=" + logs.resolve("merge-%j.out"));
        job.directives().forEach(d -> directive(script, d));
        script.append("set -euo pipefail\n")
                .append(launch(job, List.of("merge", job.out().toString()), ""));
        return script.toString();
    }

    /** Submits the array, then the merge with an afterok dependency on the whole array. */
    public static String submitScript(Job job) {
        Path folder = job.out().resolve(SLURM);
        return header(job, "submits the shards as one job array and the merge as a job that waits for all of them")
                .append("set -euo pipefail\n")
                .append("folder=").append(quote(folder.toString())).append('\n')
                .append("mkdir -p \"$folder/").append(LOGS).append("\"\n")
                .append("array=$(sbatch --parsable \"$folder/").append(RUN).append("\")\n")
                .append("array=${array%%;*}\n")
                .append("merge=$(sbatch --parsable --dependency=afterok:\"$array\" --kill-on-invalid-dep=yes \"$folder/")
                .append(MERGE).append("\")\n")
                .append("merge=${merge%%;*}\n")
                .append("printf 'array=%s\\nmerge=%s\\n' \"$array\" \"$merge\" > \"$folder/").append(SUBMITTED).append("\"\n")
                .append("echo \"reconlab: submitted job array $array (").append(job.shards())
                .append(" shards) and merge job $merge; output in $folder/").append(LOGS).append("\"\n")
                .toString();
    }

    private static StringBuilder header(Job job, String what) {
        return new StringBuilder("#!/bin/bash\n")
                .append("# Written by reconlab ").append(ReconlabVersion.current()).append(" for ").append(job.name())
                .append(" (").append(job.spec()).append("): ").append(what).append(".\n");
    }

    private static void directive(StringBuilder script, String option) {
        script.append("#SBATCH --").append(option).append('\n');
    }

    /**
     * The lines that start the JVM: {@code arguments} quoted, then {@code rawArguments} as they are (shell
     * expansions). With the Vector API module, the JVM announces it on stderr at every start ("WARNING: Using
     * incubator modules: ..."), with no option to turn that off; the job's stderr then passes through a filter that
     * drops that line, as {@code ./reconlab} does. The JVM is then a child rather than exec'd, and the script waits for
     * the filter, so that Slurm does not end the job while the filter still holds the JVM's last lines.
     */
    private static String launch(Job job, List<String> arguments, String rawArguments) {
        StringBuilder line = new StringBuilder();
        if (job.jvmOptions().contains(HUGE_PAGES)) {
            // as ./reconlab does: only where this node's kernel offers huge pages on request, or the JVM warns
            line.append("huge_pages=\n")
                    .append("if grep -qs '\\[always\\]\\|\\[madvise\\]' ").append(TRANSPARENT_HUGE_PAGES)
                    .append("; then\n")
                    .append("  huge_pages=").append(HUGE_PAGES).append('\n')
                    .append("fi\n");
        }
        boolean vectorModule = job.jvmOptions().contains(DenseOperatorKernels.VECTOR_MODULE);
        line.append(vectorModule ? "status=0\n" : "exec ");
        line.append("\"${RECONLAB_JAVA:-").append(job.java()).append("}\"").append(" ${RECONLAB_JAVA_OPTS:-}");
        for (String option : job.jvmOptions()) {
            line.append(' ').append(option.equals(HUGE_PAGES) ? "${huge_pages}" : quote(option));
        }
        line.append(" -cp ").append(quote(job.classPath())).append(' ').append(MAIN_CLASS)
                .append(" \\\n ");
        for (String argument : arguments) {
            line.append(' ').append(quote(argument));
        }
        line.append(rawArguments);
        if (vectorModule) {
            line.append(" \\\n  2> >(grep --line-buffered -v -x ").append(quote(INCUBATOR_NOTICE))
                    .append(" >&2) || status=$?\n")
                    .append("wait \"${!:-}\" 2>/dev/null || true\n")
                    .append("exit \"$status\"");
        }
        return line.append('\n').toString();
    }

    private static String jobName(String name) {
        return "reconlab-" + name;
    }

    /** {@code text} as one bash word: in single quotes, each single quote written as '\''. */
    static String quote(String text) {
        if (text.matches("[A-Za-z0-9_./=:,+@%-]+")) {
            return text;
        }
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
