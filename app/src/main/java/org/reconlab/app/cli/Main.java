package org.reconlab.app.cli;

import ch.qos.logback.classic.Level;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.reconlab.app.output.RunDirectory;
import org.reconlab.app.plugin.PluginLoadException;
import org.reconlab.app.plugin.PluginLoader;
import org.reconlab.app.report.PlotRequest;
import org.reconlab.app.spec.SpecError;
import org.reconlab.app.wiring.PluginModule;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code reconlab} command line. Exit codes: 0 done, 2 bad spec or arguments (nothing run), 1 a failure. */
@Command(name = "reconlab", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Run, reproduce and extend low-rank recovery experiments from YAML specs.",
        subcommands = {ListCommand.class, DescribeCommand.class, ValidateCommand.class, RunCommand.class,
            PlotCommand.class, MergeCommand.class, SlurmCommand.class})
public final class Main {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;

    @Option(names = {"-v", "--verbose"}, description = "log debug output", scope = CommandLine.ScopeType.INHERIT)
    void verbose(boolean verbose) {
        if (verbose) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.reconlab")).setLevel(Level.DEBUG);
        }
    }

    private final List<Path> pluginPaths = new ArrayList<>();
    private Injector injector;

    @Option(names = "--plugins", paramLabel = "PATH", scope = CommandLine.ScopeType.INHERIT,
            description = {"load the plugins under PATH: each .jar file in it, and each directory of jars in it (a"
                    + " plugin with its libraries), each in a class loader of its own; or a single .jar. Repeatable;"
                    + " a path list (dir1" + "${sys:path.separator}" + "dir2) also works, and so does the environment"
                    + " variable " + PluginLoader.ENVIRONMENT + "."})
    void plugins(String paths) {
        pluginPaths.addAll(PluginLoader.parsePathList(paths));
    }

    /** The plugin paths of {@value PluginLoader#ENVIRONMENT}, then those of {@code --plugins}. */
    List<Path> pluginPaths() {
        List<Path> paths = new ArrayList<>(PluginLoader.parsePathList(System.getenv(PluginLoader.ENVIRONMENT)));
        paths.addAll(pluginPaths);
        return paths;
    }

    /** The Guice injector over every plugin, built-in and from the plugin paths, created on first use. */
    Injector injector() {
        if (injector == null) {
            injector = Guice.createInjector(PluginModule.discovered(pluginPaths()));
        }
        return injector;
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line; returns its exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        // Every subcommand answers --help with its usage and exit code 0, before its required parameters are checked.
        for (CommandLine subcommand : commandLine.getSubcommands().values()) {
            subcommand.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("show this help and exit").build());
        }
        commandLine.getSubcommands().get("plot").getCommandSpec().usageMessage()
                .footer(PlotRequest.help().toArray(String[]::new));
        commandLine.registerConverter(java.nio.file.Path.class, text -> {
            try {
                return java.nio.file.Path.of(text);
            } catch (java.nio.file.InvalidPathException e) {
                throw new CommandLine.TypeConversionException("'" + printable(text) + "' is not a valid path: "
                        + e.getReason());
            }
        });
        commandLine.setParameterExceptionHandler((exception, commandArgs) -> {
            // One line that says what is wrong and where help is, not a page of usage after the error.
            String command = exception.getCommandLine().getCommandName();
            String message = exception.getMessage() == null ? "" : exception.getMessage().replace('\n', ' ').replace('\r', ' ');
            err.println("error: " + printable(message) + "; see `" + (command.equals("reconlab") ? "reconlab"
                    : "reconlab " + command) + " --help`");
            LoggerFactory.getLogger(Main.class).debug("arguments refused", exception);
            return BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            Throwable e = exception;
            if (e instanceof UncheckedIOException unchecked) {
                e = unchecked.getCause();
            }
            if (e instanceof SpecError || e instanceof RunDirectory.RunDirectoryBusyException
                    || e instanceof PluginLoadException) {
                // An input error is the user's to fix: the message says what and where; -v adds the stack.
                err.println("error: " + e.getMessage());
                LoggerFactory.getLogger(Main.class).debug("input refused", e);
                return BAD_INPUT;
            }
            if (e instanceof IOException) {
                err.println("error: " + e.getMessage());
                LoggerFactory.getLogger(Main.class).debug("I/O failure", e);
                return FAILURE;
            }
            err.println("error: " + e);
            LoggerFactory.getLogger(Main.class).error("unexpected failure", e);
            return FAILURE;
        });
        return commandLine.execute(args);
    }

    /** {@code text} with control characters (a NUL in a path) shown as escapes. */
    private static String printable(String text) {
        return org.reconlab.app.spec.InputFiles.printable(text);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"reconlab " + org.reconlab.core.spi.ReconlabVersion.current()};
        }
    }
}
