package org.reconlab.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.reconlab.app.cli.Main;

/** Runs the {@code reconlab} command line in process and keeps its exit code and output, for tests. */
public final class Cli {

    /** Exit code and what the command printed. */
    public record Result(int code, String out, String err) {
    }

    private Cli() {
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }
}
