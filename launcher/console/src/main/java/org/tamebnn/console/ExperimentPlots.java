package org.tamebnn.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

import org.tamebnn.experiments.Cell;
import org.tamebnn.experiments.CellResult;
import org.tamebnn.experiments.ExperimentSpec;
import org.tamebnn.experiments.ProgressTrace;
import org.tamebnn.experiments.RunRecord;

/**
 * {@code exp:report}'s figures, each as PNG and SVG: test accuracy and run time against the train
 * size (one line per method, the mean over seeds), the gap against the time each run took (one
 * point per run), and the mean test accuracy per trainer and solver. A figure the runs give no
 * data for (one train size only, no gaps) is left out and said so.
 */
final class ExperimentPlots {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 540;

    private ExperimentPlots() {
    }

    /** Writes the figures into {@code dir}; one line per figure written or left out. */
    static List<String> write(Path dir, List<RunRecord> runs) {
        List<RunGroup> groups = RunGroup.of(runs);
        // a method is everything that varies but the train size
        List<RunGroup.Dimension> method = new ArrayList<>(RunGroup.varying(groups));
        method.remove(RunGroup.Dimension.TRAIN);
        List<String> lines = new ArrayList<>();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CommandFailure("cannot create the plot folder " + dir + ": " + e.getMessage());
        }
        lines.add(bySize(dir, "accuracy-vs-train-size", "Test accuracy vs training points", "test accuracy (%)",
                groups, method, r -> r.testAccuracy() == null ? null : 100 * r.testAccuracy()));
        lines.add(bySize(dir, "runtime-vs-train-size", "Run time vs training points", "time (s)", groups, method,
                CellResult::totalSeconds));
        lines.add(gapOverTime(dir, groups, method));
        lines.add(accuracyPerSolver(dir, groups));
        return lines;
    }

    private static String bySize(Path dir, String name, String title, String yTitle, List<RunGroup> groups,
            List<RunGroup.Dimension> method, Function<CellResult, Double> metric) {
        // method label -> train size -> values
        Map<String, TreeMap<Integer, List<Double>>> series = new LinkedHashMap<>();
        for (RunGroup g : groups) {
            // a few-shot cell plots at its points per class; "all" has no number to plot at
            int size = g.cell().perClass() > 0 ? g.cell().perClass() : g.cell().trainSize();
            if (size == ExperimentSpec.ALL_TRAINING_POINTS) {
                continue;
            }
            TreeMap<Integer, List<Double>> points = series.computeIfAbsent(g.label(method), k -> new TreeMap<>());
            for (RunRecord r : g.succeeded()) {
                Double v = metric.apply(r.result());
                if (v != null) {
                    points.computeIfAbsent(size, k -> new ArrayList<>()).add(v);
                }
            }
        }
        long sizes = series.values().stream().flatMap(m -> m.keySet().stream()).distinct().count();
        if (sizes < 2) {
            return name + ": left out (the runs have " + sizes + " numeric train size" + (sizes == 1 ? "" : "s")
                    + "; it needs two)";
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title + " (mean over seeds)")
                .xAxisTitle("training points").yAxisTitle(yTitle).build();
        series.forEach((label, points) -> {
            points.values().removeIf(List::isEmpty);
            if (points.isEmpty()) {
                return;
            }
            double[] x = points.keySet().stream().mapToDouble(Integer::doubleValue).toArray();
            double[] y = points.values().stream().mapToDouble(v -> v.stream().mapToDouble(d -> d).average().orElse(0))
                    .toArray();
            chart.addSeries(label, x, y).setMarker(SeriesMarkers.CIRCLE);
        });
        return save(dir, name, chart);
    }

    /** Points on the time axis of the traced gap curves. */
    private static final int GRID = 200;

    /**
     * The gap against time from the runs' progress traces: per method, the mean over its runs of
     * the gap between incumbent and bound at each time (100% while a run has no incumbent or no
     * bound yet, capped at 100%). Without traces (no solver reported progress), each run's gap at
     * its end against its time instead.
     */
    private static String gapOverTime(Path dir, List<RunGroup> groups, List<RunGroup.Dimension> method) {
        Map<String, List<ProgressTrace>> traces = new LinkedHashMap<>();
        double horizon = 0;
        for (RunGroup g : groups) {
            for (RunRecord r : g.succeeded()) {
                if (!r.result().trace().isEmpty()) {
                    traces.computeIfAbsent(g.label(method), k -> new ArrayList<>()).add(r.result().trace());
                    horizon = Math.max(horizon, r.cell().timeLimitSeconds());
                }
            }
        }
        if (traces.isEmpty()) {
            return endGaps(dir, groups, method);
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Gap between incumbent and bound over time (mean over runs, from progress traces)")
                .xAxisTitle("time (s)").yAxisTitle("gap (%)").build();
        double[] t = new double[GRID + 1];
        for (int i = 0; i <= GRID; i++) {
            t[i] = horizon * i / GRID;
        }
        traces.forEach((label, runs) -> {
            double[] y = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                double at = t[i];
                y[i] = 100 * runs.stream().mapToDouble(tr -> {
                    Double gap = tr.gapAt(at);
                    return gap == null ? 1 : gap;
                }).average().orElse(1);
            }
            chart.addSeries(label + " (" + runs.size() + " runs)", t, y).setMarker(SeriesMarkers.NONE);
        });
        long count = traces.values().stream().mapToLong(List::size).sum();
        return "gap-vs-time (from " + count + " progress traces): " + Figures.save(dir, "gap-vs-time", chart);
    }

    private static String endGaps(Path dir, List<RunGroup> groups, List<RunGroup.Dimension> method) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Gap at the end of each run vs its time")
                .xAxisTitle("time (s)").yAxisTitle("gap (%)").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (RunGroup g : groups) {
            for (RunRecord r : g.succeeded()) {
                CellResult c = r.result();
                if (c.gap() != null && c.totalSeconds() != null) {
                    series.computeIfAbsent(g.label(method), k -> new ArrayList<>())
                            .add(new double[] { c.totalSeconds(), 100 * c.gap() });
                }
            }
        }
        if (series.isEmpty()) {
            return "gap-vs-time: left out (no run has a gap: its trainers give no bound)";
        }
        series.forEach((label, points) -> chart.addSeries(label, points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray()));
        return save(dir, "gap-vs-time", chart);
    }

    private static String accuracyPerSolver(Path dir, List<RunGroup> groups) {
        Map<String, List<Double>> bySolver = new LinkedHashMap<>();
        for (RunGroup g : groups) {
            Cell c = g.cell();
            String label = c.usesSolver() ? c.trainer() + " / " + c.solver() : c.trainer();
            for (RunRecord r : g.succeeded()) {
                if (r.result().testAccuracy() != null) {
                    bySolver.computeIfAbsent(label, k -> new ArrayList<>()).add(100 * r.result().testAccuracy());
                }
            }
        }
        if (bySolver.isEmpty()) {
            return "accuracy-per-solver: left out (no run has a test accuracy)";
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Test accuracy per trainer and solver (mean over all runs)").xAxisTitle("trainer / solver")
                .yAxisTitle("test accuracy (%)").build();
        chart.getStyler().setLegendVisible(false);
        chart.addSeries("test accuracy", new ArrayList<>(bySolver.keySet()),
                bySolver.values().stream().map(v -> (Number) v.stream().mapToDouble(d -> d).average().orElse(0)).toList());
        return save(dir, "accuracy-per-solver", chart);
    }

    private static String save(Path dir, String name, Chart<?, ?> chart) {
        return name + ": " + Figures.save(dir, name, chart);
    }
}
