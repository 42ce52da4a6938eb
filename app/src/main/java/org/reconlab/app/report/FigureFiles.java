package org.reconlab.app.report;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.reconlab.app.output.AtomicFiles;

/** Writes a figure as {@code NAME.png} (twice the nominal size, crisp in print) and {@code NAME.svg}, atomically. */
final class FigureFiles {

    /** Pixels per chart unit in the PNG: 1800 x 1200 for the 900 x 600 chart. */
    static final int PNG_SCALE = 2;

    /** The JDK PNG writer maps quality q to deflate level round(9 (1 - q)): 0.75 is level 2. */
    static final float PNG_QUALITY = 0.75f;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FigureFiles.class);

    private FigureFiles() {
    }

    /**
     * PNG with a light deflate level: the JDK writer's default (the strongest) takes several times longer for files
     * barely smaller, and a run draws many plots.
     */
    private static void writePng(BufferedImage image, java.io.OutputStream out) throws IOException {
        java.util.Iterator<javax.imageio.ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("no PNG writer in this JVM");
        }
        javax.imageio.ImageWriter writer = writers.next();
        try (javax.imageio.stream.ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(PNG_QUALITY);
            writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    static Path png(Path directory, Figure figure) {
        return directory.resolve(figure.name() + ".png");
    }

    static Path svg(Path directory, Figure figure) {
        return directory.resolve(figure.name() + ".svg");
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
        AtomicFiles.write(png(directory, figure), out -> writePng(image, out));
        long png = System.nanoTime();
        AtomicFiles.write(svg(directory, figure), out -> VectorGraphicsEncoder.saveVectorGraphic(figure.chart(), out,
                VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
        log.debug("{}: drawn in {} ms, PNG written in {} ms, SVG in {} ms", figure.name(),
                (rendered - start) / 1_000_000, (png - rendered) / 1_000_000, (System.nanoTime() - png) / 1_000_000);
    }
}
