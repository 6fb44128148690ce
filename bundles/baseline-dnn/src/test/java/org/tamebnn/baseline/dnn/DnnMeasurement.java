package org.tamebnn.baseline.dnn;

import java.util.Locale;

import org.tamebnn.data.BuiltinDatasets;
import org.tamebnn.data.DataPipeline;
import org.tamebnn.data.Dataset;
import org.tamebnn.data.MissingValuePolicy;
import org.tamebnn.data.PreparedData;
import org.tamebnn.data.SplitSpec;

/**
 * Not a test: the DNN baseline on the paper's BCW setting (seed-0 split), for a few option sets,
 * with seeds 0…9. Run: {@code java --enable-native-access=ALL-UNNAMED -cp <test classpath>
 * org.tamebnn.baseline.dnn.DnnMeasurement}.
 */
public final class DnnMeasurement {

    public static void main(String[] args) {
        int seeds = Integer.getInteger("seeds", 10);
        DnnOptions[] settings = {DnnOptions.of(5), DnnOptions.of(5).withBatchSize(32).withLearningRate(0.01),
            DnnOptions.of(25), DnnOptions.of(50)};
        System.out.println("| train points | options | seed 0: train / test accuracy, ms | seeds 0-" + (seeds - 1)
                + ": mean test accuracy (min-max) |");
        System.out.println("|---|---|---|---|");
        for (int trainSize : new int[] {25, 50}) {
            PreparedData data = DataPipeline.prepare(BuiltinDatasets.load("bcw"),
                    SplitSpec.of(0, 0.2).trainSize(trainSize), MissingValuePolicy.TRAIN_MEDIAN);
            for (DnnOptions options : settings) {
                String first = "";
                double sum = 0;
                double min = 1;
                double max = 0;
                for (long seed = 0; seed < seeds; seed++) {
                    DnnResult r = DnnBaseline.train(data.train(), options.withSeed(seed));
                    double test = accuracy(r.model(), data.test());
                    if (seed == 0) {
                        first = String.format(Locale.ROOT, "%.1f%% / %.1f%%, %d ms",
                                100 * accuracy(r.model(), data.train()), 100 * test, r.time().toMillis());
                    }
                    sum += test;
                    min = Math.min(min, test);
                    max = Math.max(max, test);
                }
                System.out.printf(Locale.ROOT, "| %d | %s | %s | %.1f%% (%.1f-%.1f%%) |%n", trainSize,
                        options.describe().replace(", seed 0", ""), first, 100 * sum / seeds, 100 * min, 100 * max);
            }
        }
    }

    private static double accuracy(DnnModel model, Dataset data) {
        int[] p = model.predict(data);
        int correct = 0;
        for (int i = 0; i < p.length; i++) {
            correct += p[i] == data.label(i) ? 1 : 0;
        }
        return (double) correct / data.size();
    }
}
