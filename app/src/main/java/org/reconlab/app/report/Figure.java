package org.reconlab.app.report;

import static java.util.Objects.requireNonNull;

import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A plot ready to be written: its file name (without extension) under {@code DIR/plots/}, a heading and a caption for
 * the report, and the chart.
 */
record Figure(String name, String title, String caption, Chart<?, ?> chart) {

    Figure {
        requireNonNull(name, "name is null");
        requireNonNull(title, "title is null");
        requireNonNull(caption, "caption is null");
        requireNonNull(chart, "chart is null");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._=-]*")) {
            throw new IllegalArgumentException("figure name '" + name + "' is not a safe file name");
        }
    }

    /** A file name from free text: letters, digits, '.', '_', '=' and '-' kept, anything else becomes '_'. */
    static String fileName(String text) {
        String name = text.replaceAll("[^A-Za-z0-9._=-]+", "_").replaceAll("_+$", "").replaceAll("^[._=-]+", "");
        return name.isEmpty() ? "plot" : name;
    }
}
