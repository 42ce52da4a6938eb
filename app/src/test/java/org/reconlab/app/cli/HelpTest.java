package org.reconlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reconlab.app.Cli;
import org.reconlab.app.report.PlotRequest;

/** Every command explains itself: --help prints usage and exits 0; describe prints aligned columns. */
class HelpTest {

    private static final List<String> COMMANDS = List.of("list", "describe", "validate", "run", "plot", "merge",
            "slurm");

    @Test
    void everySubcommandAnswersHelpWithItsUsageAndExitCodeZero() {
        for (String command : COMMANDS) {
            for (String flag : List.of("--help", "-h")) {
                Cli.Result help = Cli.run(command, flag);
                assertThat(help.code()).as("%s %s: %s", command, flag, help.err()).isZero();
                assertThat(help.out()).as("%s %s", command, flag).contains("Usage: reconlab " + command);
            }
        }
        assertThat(Cli.run("--help").code()).isZero();
    }

    @Test
    void plotHelpDocumentsEveryKeyOfEveryPlotKind() {
        String help = Cli.run("plot", "--help").out();
        for (PlotRequest.Kind kind : PlotRequest.Kind.values()) {
            assertThat(help).contains(kind.label());
            for (String key : kind.keys().subList(1, kind.keys().size())) {
                assertThat(help).as("plot --help explains '%s'", key).containsPattern("(?m)^\\s+" + key + " ");
            }
        }
    }

    @Test
    void describeAlignsDocsAndAllowedValuesInOneColumnEach() {
        Cli.Result described = Cli.run("describe", "factorized-asymmetric");
        assertThat(described.code()).isZero();
        List<String> lines = Arrays.asList(described.out().split("\n"));
        List<String> rows = lines.subList(lines.indexOf("parameters:") + 1, lines.size());
        assertThat(rows).hasSizeGreaterThanOrEqualTo(6);
        int allowedColumn = rows.get(1).indexOf("allowed: ");
        assertThat(allowedColumn).isPositive();
        for (int i = 0; i < rows.size(); i += 2) {
            String row = rows.get(i);
            String allowed = rows.get(i + 1);
            assertThat(allowed.indexOf("allowed: ")).as(allowed).isEqualTo(allowedColumn);
            assertThat(row.charAt(allowedColumn - 1)).as("a space before the doc column in '%s'", row).isEqualTo(' ');
            assertThat(row.charAt(allowedColumn)).as("the doc starts in the column in '%s'", row).isNotEqualTo(' ');
        }
    }
}
