package org.reconlab.app.report;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.intermediate.CommandSequence;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.knowm.xchart.internal.chartpart.Chart;
import org.reconlab.app.output.AtomicFiles;

/**
 * Writes a figure as {@code NAME.png} (twice the nominal size, crisp in print) and {@code NAME.svg}, atomically; the
 * figures of a run are written on all cores, in the same bytes as one after the other.
 */
final class FigureFiles {

    /** Pixels per chart unit in the PNG: 1800 x 1200 for the 900 x 600 chart. */
    static final int PNG_SCALE = 2;

    /**
     * zlib level of the PNGs: 2, what the JDK writer used at the quality 0.75 the plots were first written with (it maps
     * quality q to level round(9 (1 - q))); its default, 9, takes several times longer for files barely smaller.
     */
    static final int PNG_LEVEL = 2;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FigureFiles.class);

    /**
     * Held while an SVG document is built from the drawing commands: VectorGraphics2D formats every coordinate with one
     * static {@code DecimalFormat} ({@code de.erichseifert.vectorgraphics2d.util.DataUtils}), which is not thread-safe.
     * Drawing (Java2D or VectorGraphics2D's recording, a chart per figure), encoding a PNG and serializing the built
     * document share nothing mutable and run in parallel.
     */
    private static final Object SVG_DOCUMENT = new Object();

    private FigureFiles() {
    }

    static Path png(Path directory, Figure figure) {
        return directory.resolve(figure.name() + ".png");
    }

    static Path svg(Path directory, Figure figure) {
        return directory.resolve(figure.name() + ".svg");
    }

    /**
     * Writes every figure on up to {@code threads} threads (a figure takes 50-200 ms to draw and encode as PNG and SVG,
     * and a run draws up to a few dozen) and returns the files written, PNG then SVG of each figure in order. Each file is the same
     * whatever the thread count: a figure is drawn by one thread from its own chart. The first failure, in figure
     * order, is thrown; figures not yet started are then not written.
     */
    static List<Path> writeAll(Path directory, List<Figure> figures, int threads) throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads " + threads + ": must be at least 1");
        }
        List<Path> written = new ArrayList<>();
        int poolSize = Math.min(threads, figures.size());
        if (poolSize <= 1) {
            for (Figure figure : figures) {
                write(directory, figure);
                written.add(png(directory, figure));
                written.add(svg(directory, figure));
            }
            return written;
        }
        ExecutorService pool = Executors.newFixedThreadPool(poolSize, task -> {
            Thread thread = new Thread(task, "reconlab-plots");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (Figure figure : figures) {
                pending.add(pool.submit(() -> {
                    try {
                        write(directory, figure);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            }
            for (int i = 0; i < figures.size(); i++) {
                await(pending.get(i));
                written.add(png(directory, figures.get(i)));
                written.add(svg(directory, figures.get(i)));
            }
            return written;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(Future<?> future) throws IOException {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing plots", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /**
     * What XChart's {@code VectorGraphicsEncoder.saveVectorGraphic(chart, out, SVG)} does, step for step (the same
     * bytes), with only the building of the document under {@link #SVG_DOCUMENT}.
     */
    static void writeSvg(Chart<?, ?> chart, OutputStream out) throws IOException {
        VectorGraphics2D graphics = new VectorGraphics2D();
        CommandSequence commands = graphics.getCommands();
        chart.paint(graphics, chart.getWidth(), chart.getHeight());
        PageSize page = new PageSize(0.0, 0.0, chart.getWidth(), chart.getHeight());
        Document document;
        synchronized (SVG_DOCUMENT) {
            document = new SVGProcessor().getDocument(commands, page);
        }
        document.writeTo(out);
    }

    static void write(Path directory, Figure figure) throws IOException {
        long start = System.nanoTime();
        int width = figure.chart().getWidth();
        int height = figure.chart().getHeight();
        BufferedImage image = new BufferedImage(width * PNG_SCALE, height * PNG_SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            graphics.scale(PNG_SCALE, PNG_SCALE);
            figure.chart().paint(graphics, width, height);
        } finally {
            graphics.dispose();
        }
        long rendered = System.nanoTime();
        AtomicFiles.write(png(directory, figure), out -> PngEncoder.write(image, PNG_LEVEL, out));
        long png = System.nanoTime();
        AtomicFiles.write(svg(directory, figure), out -> writeSvg(figure.chart(), out));
        log.debug("{}: drawn in {} ms, PNG written in {} ms, SVG in {} ms", figure.name(),
                (rendered - start) / 1_000_000, (png - rendered) / 1_000_000, (System.nanoTime() - png) / 1_000_000);
    }
}
