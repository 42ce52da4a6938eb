package org.reconlab.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reconlab.app.spec.LoadedSpec;
import org.reconlab.app.spec.SpecError;
import org.reconlab.app.spec.SpecLoader;

/** The optional {@code plots:} section of a spec: parsed strictly, errors with file and line. */
class PlotRequestTest {

    private static final String BASE = """
            name: toy
            problem:     { plugin: toy-vector, n: 5 }
            measurement: { plugin: toy-gaussian, m: 30 }
            model:       { plugin: toy-linear }
            optimizer:   { plugin: gradient-descent, step: 0.5, iterations: 20 }
            metrics:     [relative-error, train-loss]
            sweep:       { optimizer.step: [0.1, 0.5], measurement.m: [10, 20, 40] }
            """;

    private static LoadedSpec parse(String plots) {
        return SpecLoader.parse("spec.yaml", BASE + plots, false, List.of());
    }

    private static String error(String plots) {
        try {
            parse(plots);
        } catch (SpecError e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a SpecError for:\n" + plots);
    }

    @Test
    void readsEveryKindWithItsKeys() {
        LoadedSpec spec = parse("""
                plots:
                  - { kind: series, y: train-loss, log-y: false }
                  - { kind: sweep, x: measurement.m, y: relative-error, log-x: true, title: "error against m" }
                  - { kind: loglog, x: optimizer.step, y: train-loss }
                  - kind: heatmap
                    x: measurement.m
                    y: optimizer.step
                    z: relative-error
                    threshold: 1.0e-6
                """);
        List<PlotRequest> requests = PlotRequest.parseAll(spec.resolved().get("plots"), path -> path);
        assertThat(requests).containsExactly(
                new PlotRequest(PlotRequest.Kind.SERIES, null, "train-loss", null, null, null, null, false),
                new PlotRequest(PlotRequest.Kind.SWEEP, "measurement.m", "relative-error", null, null, "error against m",
                        true, null),
                new PlotRequest(PlotRequest.Kind.LOGLOG, "optimizer.step", "train-loss", null, null, null, null, null),
                new PlotRequest(PlotRequest.Kind.HEATMAP, "measurement.m", "optimizer.step", "relative-error", 1e-6, null,
                        null, null));
        assertThat(PlotRequest.parseAll(parse("").resolved().get("plots"), path -> path)).isEmpty();
    }

    @Test
    void errorsNameTheFileTheLineTheEntryAndWhatIsAllowed() {
        assertThat(error("plots: { kind: series, y: train-loss }\n"))
                .startsWith("spec.yaml:8: plots: must be a list of { kind: series|sweep|loglog|heatmap, ... } entries");
        assertThat(error("plots:\n  - { kind: histogram, y: train-loss }\n"))
                .isEqualTo("spec.yaml:9: plots[0].kind: bad value histogram; allowed: series, sweep, loglog, heatmap");
        assertThat(error("plots:\n  - { y: train-loss }\n"))
                .isEqualTo("spec.yaml:9: plots[0].kind: is missing; allowed: series, sweep, loglog, heatmap");
        assertThat(error("plots:\n  - { kind: series, y: train-loss }\n  - { kind: series, y: train-loss, x: m }\n"))
                .isEqualTo("spec.yaml:10: plots[1]: unknown key 'x' for a series plot; allowed: kind, y, log-y, title, x-label, y-label");
        assertThat(error("plots:\n  - { kind: heatmap, x: measurement.m, y: optimizer.step }\n"))
                .isEqualTo("spec.yaml:9: plots[0]: a heatmap plot needs 'z'; its keys: kind, x, y, z, threshold, title, x-label, y-label");
        assertThat(error("plots:\n  - kind: heatmap\n    x: measurement.m\n    y: optimizer.step\n    z: train-loss\n"
                + "    threshold: low\n"))
                .isEqualTo("spec.yaml:13: plots[0].threshold: must be a number, got low");
        assertThat(error("plots:\n  - { kind: sweep, x: measurement.m, y: train-loss, log-x: 2 }\n"))
                .isEqualTo("spec.yaml:9: plots[0].log-x: must be true or false, got 2");
        assertThat(error("plots:\n  - { kind: sweep, x: [measurement.m], y: train-loss }\n"))
                .isEqualTo("spec.yaml:9: plots[0].x: must be a swept key, got [measurement.m]");
        assertThat(error("plots:\n  - { kind: loglog, x: measurement.m, y: 3 }\n"))
                .isEqualTo("spec.yaml:9: plots[0].y: must be a metric name, got 3");
        assertThat(error("plots:\n  - series\n"))
                .startsWith("spec.yaml:9: plots[0]: must be a mapping such as { kind: sweep, x: model.scale, y: test-error }");
    }

    @Test
    void aQuickSectionCannotChangeThePlots() {
        assertThatThrownBy(() -> SpecLoader.parse("spec.yaml", BASE + "quick: { plots: [] }\n", true, List.of()))
                .isInstanceOf(SpecError.class).hasMessageContaining("plots: cannot override this key");
    }
}
