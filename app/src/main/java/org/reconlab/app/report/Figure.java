package org.reconlab.app.report;

import static java.util.Objects.requireNonNull;

import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A plot ready to be written: its file name (without extension) under {@code DIR/plots/}, a heading and a caption for
 * the report, and the chart.
 *
 * @param logX whether the x axis is logarithmic (the chart then holds log10 of the values)
 * @param logY whether the y axis is logarithmic
 */
record Figure(String name, String title, String caption, Chart<?, ?> chart, boolean logX, boolean logY) {

    Figure {
        requireNonNull(name, "name is null");
        requireNonNull(title, "title is null");
        requireNonNull(caption, "caption is null");
        requireNonNull(chart, "chart is null");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._=-]*")) {
            throw new IllegalArgumentException("figure name '" + name + "' is not a safe file name");
        }
    }

    /** A figure on linear axes (or none, as a heatmap). */
    Figure(String name, String title, String caption, Chart<?, ?> chart) {
        this(name, title, caption, chart, false, false);
    }

    /** A file name from free text: letters, digits, '.', '_', '=' and '-' kept, anything else becomes '_'. */
    static String fileName(String text) {
        String name = text.replaceAll("[^A-Za-z0-9._=-]+", "_").replaceAll("_+$", "").replaceAll("^[._=-]+", "");
        return name.isEmpty() ? "plot" : name;
    }
}
