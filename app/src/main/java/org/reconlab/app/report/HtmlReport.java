package org.reconlab.app.report;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reconlab.core.engine.TrialResult;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders {@code report.html}: the run at a glance (name, description, status counts, times, versions), every plot
 * with its caption, the notes on plots left out, the trials table, the resolved spec and the machine. One file with
 * its style inline and no script; it loads nothing from the network and shows the plots from {@code plots/} beside it.
 */
final class HtmlReport {

    /** Past this many rows the table stops and points to trials.csv. */
    static final int MAX_TABLE_ROWS = 2000;

    private static final String STYLE = """
            body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #222; margin: 0; \
            background: #fafafa; line-height: 1.45; }
            main { max-width: 1100px; margin: 0 auto; padding: 1.5em 2em 4em; background: #fff; }
            h1 { margin-bottom: 0.2em; } h2 { border-bottom: 1px solid #ddd; padding-bottom: 0.2em; margin-top: 2em; }
            p.description { color: #444; max-width: 60em; }
            nav a { margin-right: 1.2em; }
            table { border-collapse: collapse; font-size: 0.9em; }
            th, td { border: 1px solid #ddd; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
            th { background: #f2f2f2; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; font-family: "DejaVu Sans Mono", monospace; }
            table.summary th { width: 12em; }
            .done { color: #1a7f37; } .diverged { color: #b35900; } .failed { color: #c62828; font-weight: bold; }
            figure { margin: 1.5em 0 2.5em; } figure img { max-width: 100%; border: 1px solid #eee; }
            figcaption { color: #444; font-size: 0.92em; max-width: 60em; }
            pre { background: #f6f8fa; padding: 1em; overflow-x: auto; font-size: 0.88em; }
            .scroll { overflow-x: auto; max-height: 40em; overflow-y: auto; }
            ul.notes li { color: #6a4a00; }
            """;

    private HtmlReport() {
    }

    static String render(RunData data, List<Figure> figures, List<String> notes) {
        Map<String, Object> manifest = data.manifest();
        Map<String, Object> spec = data.spec();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(data.name())).append(" - reconlab report</title>\n<style>\n")
                .append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        html.append("<h1>").append(escape(data.name())).append("</h1>\n");
        if (spec.get("description") != null) {
            html.append("<p class=\"description\">").append(escape(spec.get("description").toString())).append("</p>\n");
        }
        html.append("<nav><a href=\"#summary\">Summary</a><a href=\"#plots\">Plots</a><a href=\"#trials\">Trials</a>")
                .append("<a href=\"#spec\">Spec</a><a href=\"#provenance\">Provenance</a></nav>\n");
        summary(html, data);
        html.append("<h2 id=\"plots\">Plots</h2>\n");
        if (figures.isEmpty()) {
            html.append("<p>No plot was drawn.</p>\n");
        } else {
            html.append("<ol>\n");
            for (Figure figure : figures) {
                html.append("<li><a href=\"#").append(figure.name()).append("\">").append(escape(figure.title()))
                        .append("</a></li>\n");
            }
            html.append("</ol>\n");
        }
        if (!notes.isEmpty()) {
            html.append("<p>Not drawn:</p>\n<ul class=\"notes\">\n");
            for (String note : notes) {
                html.append("<li>").append(escape(note)).append("</li>\n");
            }
            html.append("</ul>\n");
        }
        for (Figure figure : figures) {
            String png = RunReport.PLOTS_DIR + "/" + figure.name() + ".png";
            String svg = RunReport.PLOTS_DIR + "/" + figure.name() + ".svg";
            html.append("<figure id=\"").append(figure.name()).append("\">\n<img src=\"").append(png)
                    .append("\" alt=\"").append(escape(figure.title())).append("\" width=\"900\">\n<figcaption><b>")
                    .append(escape(figure.title())).append(".</b> ").append(escape(figure.caption()))
                    .append(" <a href=\"").append(png).append("\">PNG</a> &middot; <a href=\"").append(svg)
                    .append("\">SVG</a></figcaption>\n</figure>\n");
        }
        trials(html, data.trials());
        html.append("<h2 id=\"spec\">Spec</h2>\n<p>As resolved for this run (quick section and <code>--set</code>")
                .append(" overrides applied)").append(manifest.get("spec-file") != null ? "; from <code>"
                        + escape(manifest.get("spec-file").toString()) + "</code>" : "").append(".</p>\n<pre>")
                .append(escape(yaml(spec))).append("</pre>\n");
        provenance(html, manifest);
        html.append("<p><small>Written by reconlab ").append(escape(String.valueOf(manifest.get("reconlab-version"))))
                .append(". Plots are in <code>plots/</code> beside this file (PNG and SVG); the numbers behind them in")
                .append(" <code>trials.csv</code> and <code>series.csv</code>. Redraw with <code>reconlab plot DIR")
                .append("</code>.</small></p>\n</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void summary(StringBuilder html, RunData data) {
        Map<String, Object> manifest = data.manifest();
        html.append("<h2 id=\"summary\">Summary</h2>\n<table class=\"summary\">\n");
        row(html, "trials", data.trials().size() + " finished of " + manifest.getOrDefault("planned-trials", "?")
                + " planned");
        if (manifest.get("status-counts") instanceof Map<?, ?> counts && !counts.isEmpty()) {
            List<String> parts = new ArrayList<>();
            counts.forEach((status, count) -> parts.add("<span class=\"" + escape(status.toString()) + "\">" + count + " "
                    + escape(status.toString()) + "</span>"));
            rowHtml(html, "status", String.join(", ", parts));
        }
        row(html, "seed", manifest.get("seed"));
        row(html, "quick mode", manifest.get("quick"));
        row(html, "started", manifest.get("started"));
        Object ended = manifest.get("ended");
        row(html, "ended", ended == null ? "not finished (the run stopped or is still going)" : ended + duration(
                manifest.get("started"), ended));
        row(html, "threads", manifest.get("threads"));
        row(html, "reconlab", manifest.get("reconlab-version"));
        row(html, "fingerprint", manifest.get("fingerprint"));
        html.append("</table>\n");
    }

    private static String duration(Object started, Object ended) {
        try {
            Duration duration = Duration.between(Instant.parse(started.toString()), Instant.parse(ended.toString()));
            return " (" + Numbers.format(duration.toMillis() / 1000.0, 3) + " s)";
        } catch (DateTimeParseException | NullPointerException e) {
            return "";
        }
    }

    private static void trials(StringBuilder html, List<TrialResult> trials) {
        html.append("<h2 id=\"trials\">Trials</h2>\n");
        if (trials.isEmpty()) {
            html.append("<p>No trial has finished.</p>\n");
            return;
        }
        Set<String> keys = new LinkedHashSet<>();
        Set<String> metrics = new LinkedHashSet<>();
        for (TrialResult trial : trials) {
            keys.addAll(trial.sweepValues().keySet());
            metrics.addAll(trial.finalMetrics().keySet());
        }
        html.append("<p>Final metrics at the last recorded iteration; every recorded value is in <code>series.csv")
                .append("</code>.</p>\n<div class=\"scroll\"><table>\n<tr><th>trial</th><th>repetition</th>");
        for (String key : keys) {
            html.append("<th>").append(escape(key)).append("</th>");
        }
        html.append("<th>status</th><th>iterations</th><th>seconds</th>");
        for (String metric : metrics) {
            html.append("<th>").append(escape(metric)).append("</th>");
        }
        html.append("<th>seed</th><th>message</th></tr>\n");
        for (TrialResult trial : trials.subList(0, Math.min(trials.size(), MAX_TABLE_ROWS))) {
            html.append("<tr><td class=\"num\">").append(trial.index()).append("</td><td class=\"num\">")
                    .append(trial.repetition()).append("</td>");
            for (String key : keys) {
                Object value = trial.sweepValues().get(key);
                html.append(value instanceof Number ? "<td class=\"num\">" : "<td>")
                        .append(value == null ? "" : escape(Numbers.level(value.toString()))).append("</td>");
            }
            String status = trial.status().label();
            html.append("<td class=\"").append(status).append("\">").append(status).append("</td><td class=\"num\">")
                    .append(trial.iterations()).append("</td><td class=\"num\">")
                    .append(Numbers.format(trial.wallSeconds(), 3)).append("</td>");
            for (String metric : metrics) {
                Double value = trial.finalMetrics().get(metric);
                html.append("<td class=\"num\">").append(value == null ? "" : Numbers.format(value)).append("</td>");
            }
            html.append("<td class=\"num\">").append(trial.seed()).append("</td><td>").append(escape(trial.message()))
                    .append("</td></tr>\n");
        }
        html.append("</table></div>\n");
        if (trials.size() > MAX_TABLE_ROWS) {
            html.append("<p>First ").append(MAX_TABLE_ROWS).append(" of ").append(trials.size())
                    .append(" trials shown; all are in <code>trials.csv</code>.</p>\n");
        }
    }

    private static void provenance(StringBuilder html, Map<String, Object> manifest) {
        html.append("<h2 id=\"provenance\">Provenance</h2>\n<table class=\"summary\">\n");
        if (manifest.get("modules") instanceof Map<?, ?> modules) {
            List<String> parts = new ArrayList<>();
            modules.forEach((module, version) -> parts.add(module + " " + version));
            row(html, "modules", String.join(", ", parts));
        }
        if (manifest.get("machine") instanceof Map<?, ?> machine) {
            machine.forEach((key, value) -> row(html, key.toString(), value));
        }
        html.append("</table>\n");
    }

    private static void row(StringBuilder html, String key, Object value) {
        rowHtml(html, key, escape(value == null ? "" : value.toString()));
    }

    private static void rowHtml(StringBuilder html, String key, String valueHtml) {
        html.append("<tr><th>").append(escape(key)).append("</th><td>").append(valueHtml).append("</td></tr>\n");
    }

    private static String yaml(Map<String, Object> spec) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(110);
        options.setIndent(2);
        return new Yaml(options).dump(spec);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
