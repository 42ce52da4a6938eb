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

    static {
        // Charts are drawn off screen; without this a JVM started under a display would open a connection to it.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private FigureFiles() {
    }

    static Path png(Path directory, Figure figure) {
        return directory.resolve(figure.name() + ".png");
    }

    static Path svg(Path directory, Figure figure) {
        return directory.resolve(figure.name() + ".svg");
    }

    static void write(Path directory, Figure figure) throws IOException {
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
        AtomicFiles.write(png(directory, figure), out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer in this JVM");
            }
        });
        AtomicFiles.write(svg(directory, figure), out -> VectorGraphicsEncoder.saveVectorGraphic(figure.chart(), out,
                VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
    }
}
