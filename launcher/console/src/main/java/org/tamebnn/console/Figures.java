package org.tamebnn.console;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** A chart written as NAME.png and NAME.svg: how every console figure (loss curves, experiment reports) is saved. */
final class Figures {
    private Figures() {
    }

    /** The two files written. */
    record Written(Path png, Path svg) {
        @Override
        public String toString() {
            return png + " and " + svg;
        }
    }

    static Written save(Path dir, String name, Chart<?, ?> chart) {
        Path png = dir.resolve(name + ".png");
        Path svg = dir.resolve(name + ".svg");
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(png)) {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            }
            try (OutputStream out = Files.newOutputStream(svg)) {
                VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            }
        } catch (IOException e) {
            throw new CommandFailure("cannot write " + png + ": " + e.getMessage());
        }
        return new Written(png, svg);
    }
}
