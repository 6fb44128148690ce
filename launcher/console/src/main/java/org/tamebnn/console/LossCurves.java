package org.tamebnn.console;

import java.nio.file.Path;
import java.util.List;

import org.tamebnn.api.training.TrainingOutcome;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The training loss per iteration (or epoch, or MILP) of each run that has a curve, side by side: PNG and SVG. */
final class LossCurves {
    private LossCurves() {
    }

    /** Writes FILE.png and FILE.svg; says where, or that no run had a curve. */
    static String write(Path base, List<TrainingOutcome> rows) {
        XYChart chart = new XYChartBuilder().width(900).height(540).title("Training loss per iteration")
                .xAxisTitle("iteration (MILP for local-search, epoch for ste and dnn)").yAxisTitle("training loss")
                .build();
        int series = 0;
        for (TrainingOutcome row : rows) {
            double[] y = row.result().lossCurve().stream().mapToDouble(Double::doubleValue).toArray();
            if (y.length == 0) {
                continue;
            }
            double[] x = new double[y.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = i;
            }
            chart.addSeries(row.label(), x, y).setMarker(y.length > 60 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
            series++;
        }
        if (series == 0) {
            return "no loss curve to plot: none of these trainers iterates (local-search, ste, dnn and tame do)";
        }
        String name = base.getFileName().toString().replaceFirst("\\.(png|svg)$", "");
        Figures.Written written = Figures.save(base.toAbsolutePath().getParent(), name, chart);
        return "loss curves of " + series + " run" + (series == 1 ? "" : "s") + " written to " + written;
    }
}
