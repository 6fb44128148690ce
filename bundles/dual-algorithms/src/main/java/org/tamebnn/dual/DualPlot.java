package org.tamebnn.dual;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.tamebnn.api.dual.Certificate;
import org.tamebnn.api.dual.DualFunction;

/**
 * A chart like the paper's Figure 4 (Aspman et al.: the value function of (10)/(11) with the
 * two-segment approximation (12)): the value function z of one right-hand-side coordinate drawn
 * exactly from its breakpoints, and any number of named dual functions F of that coordinate over
 * [lo, hi], written as PNG and as SVG.
 *
 * <p>Each F is sampled at {@value #SAMPLES} evenly spaced points plus the breakpoints of its pieces;
 * where F (or z) is −∞ or +∞ there is a gap, never a drop to the frame. z's jumps are gaps too (its
 * lower semicontinuous value at a jump is the end of one of the two pieces). The legend names each
 * function with its certificate kind, so a local model such as (12) is never mistaken for a bound.
 * Rendering needs no display: the PNG is painted into an image in memory and the SVG through
 * VectorGraphics2D, both fine with {@code -Djava.awt.headless=true}.
 */
public final class DualPlot {
    /** Samples per dual function. */
    public static final int SAMPLES = 1601;

    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf),
        new Color(0xbcbd22), new Color(0x7f7f7f)};

    private DualPlot() {
    }

    /**
     * The files written.
     *
     * @param png the bitmap
     * @param svg the vector graphic
     */
    public record Written(Path png, Path svg) {
    }

    /**
     * Writes {@code base.png} and {@code base.svg} ({@code pngOrBase} may end in ".png" or ".svg" or
     * neither).
     *
     * @param z the exact value function, drawn as the solid reference curve; may be null
     * @param functions dual functions of the same single coordinate, by legend name, in legend order
     * @throws IllegalArgumentException for a function of more than one coordinate or a bad interval
     */
    public static Written write(Path pngOrBase, String title, ValueFunction1D z, Map<String, DualFunction> functions,
            double lo, double hi) throws IOException {
        if (!(lo < hi) || Double.isInfinite(lo) || Double.isInfinite(hi)) {
            throw new IllegalArgumentException("need a bounded interval lo < hi, got [" + lo + ", " + hi + "]");
        }
        XYChart chart = chart(title, z, functions, lo, hi);
        String base = pngOrBase.toString().replaceFirst("(?i)\\.(png|svg)$", "");
        Path png = Path.of(base + ".png");
        Path svg = Path.of(base + ".svg");
        if (png.getParent() != null) {
            Files.createDirectories(png.getParent());
        }
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
        try (OutputStream out = Files.newOutputStream(svg)) {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        }
        return new Written(png, svg);
    }

    /** The chart itself (XChart is embedded privately, so this stays inside the bundle). */
    static XYChart chart(String title, ValueFunction1D z, Map<String, DualFunction> functions, double lo,
            double hi) {
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle("b")
                .yAxisTitle("value").build();
        Styler s = chart.getStyler();
        s.setLegendPosition(Styler.LegendPosition.InsideNW);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisMin(lo);
        chart.getStyler().setXAxisMax(hi);
        if (z != null) {
            double[][] xy = valueFunctionPolyline(z, lo, hi);
            if (xy[0].length > 0) {
                XYSeries series = chart.addSeries("z(b), the value function [exact, " + z.solverName() + "]", xy[0],
                        xy[1]);
                series.setMarker(SeriesMarkers.NONE);
                series.setLineColor(Color.BLACK);
                series.setLineStyle(new BasicStroke(2.5f));
            }
        }
        int colour = 0;
        for (Map.Entry<String, DualFunction> e : new LinkedHashMap<>(functions).entrySet()) {
            DualFunction f = e.getValue();
            if (f.dimension() != 1) {
                throw new IllegalArgumentException("'" + e.getKey() + "' is a function of " + f.dimension()
                        + " coordinates; a plot shows one");
            }
            double[][] xy = sampled(f, lo, hi);
            String name = e.getKey() + " [" + kindName(f.certificate().kind()) + "]";
            if (xy[0].length == 0) {
                continue;
            }
            XYSeries series = chart.addSeries(uniqueName(chart, name), xy[0], xy[1]);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineColor(PALETTE[colour++ % PALETTE.length]);
            // a function that is not a bound is dashed, like (12) in the paper's Figure 4
            series.setLineStyle(f.certificate().isBound() ? new BasicStroke(1.6f)
                    : new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f));
        }
        return chart;
    }

    private static String uniqueName(XYChart chart, String name) {
        String n = name;
        int i = 2;
        while (chart.getSeries(n) != null) {
            n = name + " (" + i++ + ")";
        }
        return n;
    }

    static String kindName(Certificate.Kind kind) {
        return switch (kind) {
            case SUBADDITIVE_DUAL_FEASIBLE -> "subadditive-dual feasible";
            case VALID_BY_CONSTRUCTION -> "valid by construction";
            case NOT_A_BOUND -> "not a bound";
        };
    }

    /** z from its breakpoints: each finite piece a segment, with gaps (NaN) at jumps and over +∞ stretches. */
    static double[][] valueFunctionPolyline(ValueFunction1D z, double lo, double hi) {
        List<double[]> pts = new ArrayList<>();
        double[] t = z.breakpoints();
        for (int k = 0; k + 1 < t.length; k++) {
            double a = Math.max(lo, t[k]);
            double b = Math.min(hi, t[k + 1]);
            if (!(a < b) || z.piece(k).isEmpty()) {
                pts.add(new double[] {Math.max(lo, Math.min(hi, t[k])), Double.NaN});
                continue;
            }
            double[] g = z.piece(k).get().gradient();
            double c = z.piece(k).get().intercept();
            double[] last = pts.isEmpty() ? null : pts.get(pts.size() - 1);
            double startValue = g[0] * a + c;
            if (last != null && !(last[0] == a && Math.abs(last[1] - startValue) <= 1e-9 * Math.max(1, Math.abs(startValue)))) {
                pts.add(new double[] {a, Double.NaN});
            }
            pts.add(new double[] {a, startValue});
            pts.add(new double[] {b, g[0] * b + c});
        }
        return columns(pts);
    }

    /** F at {@link #SAMPLES} even points and at its pieces' breakpoints, NaN where infinite. */
    static double[][] sampled(DualFunction f, double lo, double hi) {
        java.util.TreeSet<Double> xs = new java.util.TreeSet<>();
        for (int i = 0; i < SAMPLES; i++) {
            xs.add(lo + (hi - lo) * i / (SAMPLES - 1));
        }
        // where two pieces cross, F bends: sample there too, so that kinks are drawn sharp
        var pieces = f.pieces();
        if (pieces.size() <= 200) {
            for (int i = 0; i < pieces.size(); i++) {
                for (int j = i + 1; j < pieces.size(); j++) {
                    double s = pieces.get(i).gradient()[0] - pieces.get(j).gradient()[0];
                    if (s != 0) {
                        double x = (pieces.get(j).intercept() - pieces.get(i).intercept()) / s;
                        if (x > lo && x < hi) {
                            xs.add(x);
                        }
                    }
                }
            }
        }
        List<double[]> pts = new ArrayList<>();
        for (double x : xs) {
            double v = f.value(new double[] {x});
            pts.add(new double[] {x, Double.isFinite(v) ? v : Double.NaN});
        }
        return columns(withoutCollinear(pts));
    }

    /**
     * Drops samples on the straight line through their neighbours (within 1e-9 of the value range):
     * a piecewise-linear function then costs a few points per piece instead of thousands of SVG lines.
     */
    static List<double[]> withoutCollinear(List<double[]> pts) {
        double range = 0;
        for (double[] p : pts) {
            if (Double.isFinite(p[1])) {
                range = Math.max(range, Math.abs(p[1]));
            }
        }
        double tol = 1e-9 * Math.max(1, range);
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < pts.size(); i++) {
            double[] p = pts.get(i);
            if (!out.isEmpty() && i + 1 < pts.size()) {
                double[] a = out.get(out.size() - 1);
                double[] b = pts.get(i + 1);
                if (Double.isFinite(a[1]) && Double.isFinite(p[1]) && Double.isFinite(b[1])) {
                    double onLine = a[1] + (b[1] - a[1]) * (p[0] - a[0]) / (b[0] - a[0]);
                    if (Math.abs(onLine - p[1]) <= tol) {
                        continue;
                    }
                }
            }
            out.add(p);
        }
        return out;
    }

    private static double[][] columns(List<double[]> pts) {
        double[] x = new double[pts.size()];
        double[] y = new double[pts.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = pts.get(i)[0];
            y[i] = pts.get(i)[1];
        }
        return new double[][] {x, y};
    }
}
