package org.tamebnn.dual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.tamebnn.api.dual.DualFunction;
import org.tamebnn.dual.PiecewiseLinearFit.Kind;

/** The Figure-4-like chart: a PNG and an SVG, gaps for infinite values, certificate kinds in the legend. */
class DualPlotTest {

    @Test
    void writesANonEmptyPngAndAValidSvg(@TempDir Path dir) throws Exception {
        ValueFunction1D z = ValueFunction1DTest.example("ortools-scip");
        Map<String, DualFunction> functions = new LinkedHashMap<>();
        functions.put("(12) two-segment", RunningExample.twoSegment());
        functions.put("F_LP", RunningExample.lpDual());
        functions.put("best 3-piece below z",
                PiecewiseLinearFit.best(PiecewiseLinearFit.Target.of(z), 3, Kind.BELOW).asDualFunction());
        // −∞ outside [−2, 2]: drawn as a gap
        functions.put("z on [-2, 2]", RunningExample.closedForm(-2, 2));
        DualPlot.Written w = DualPlot.write(dir.resolve("figure4.png"), "Figure 4: value function of (10)", z,
                functions, -4, 4);
        assertEquals(dir.resolve("figure4.png"), w.png());
        assertEquals(dir.resolve("figure4.svg"), w.svg());
        byte[] png = Files.readAllBytes(w.png());
        assertTrue(png.length > 1000, "PNG of " + png.length + " bytes");
        assertEquals((byte) 0x89, png[0]);
        assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII));
        String svg = Files.readString(w.svg());
        assertTrue(svg.startsWith("<?xml") || svg.startsWith("<svg"), svg.substring(0, 100));
        assertTrue(svg.contains("<svg") && svg.trim().endsWith("</svg>"));
        assertTrue(svg.contains("<path"), "no path elements");
    }

    @Test
    void theLegendNamesEachFunctionsCertificateKind() {
        Map<String, DualFunction> functions = new LinkedHashMap<>();
        functions.put("(12)", RunningExample.twoSegment());
        functions.put("F_LP", RunningExample.lpDual());
        XYChart chart = DualPlot.chart("t", null, functions, -4, 4);
        assertTrue(chart.getSeries("(12) [not a bound]") != null);
        assertTrue(chart.getSeries("F_LP [subadditive-dual feasible]") != null);
    }

    @Test
    void infiniteValuesBecomeGaps() {
        double[][] xy = DualPlot.sampled(RunningExample.closedForm(-1, 1), -4, 4);
        boolean gap = false;
        for (int i = 0; i < xy[0].length; i++) {
            if (xy[0][i] < -1.01 || xy[0][i] > 1.01) {
                assertTrue(Double.isNaN(xy[1][i]), "at " + xy[0][i]);
                gap = true;
            } else if (xy[0][i] > -0.99 && xy[0][i] < 0.99) {
                assertEquals(RunningExample.valueFunction(xy[0][i]), xy[1][i], 1e-12);
            }
        }
        assertTrue(gap);
        // a piecewise-linear function costs a few points per piece, not thousands
        assertTrue(DualPlot.sampled(RunningExample.lpDual(), -4, 4)[0].length < 10);
    }
}
