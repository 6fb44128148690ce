package org.tamebnn.bnn;

import java.util.Locale;

import org.tamebnn.data.BuiltinDatasets;
import org.tamebnn.data.DataPipeline;
import org.tamebnn.data.MissingValuePolicy;
import org.tamebnn.data.PreparedData;
import org.tamebnn.data.SplitSpec;

/**
 * Not a test: the STE baseline on the paper's BCW setting (seed-0 split, 9-5-1), per variant, with
 * the default options and seeds 0…9 of the trainer. Run:
 * {@code java -cp <test classpath> org.tamebnn.bnn.SteMeasurement}.
 */
public final class SteMeasurement {

    public static void main(String[] args) {
        int seeds = Integer.getInteger("seeds", 10);
        System.out.println("| train points | network | seed 0: train / test accuracy, ms | seeds 0-" + (seeds - 1)
                + ": mean test accuracy (min-max) |");
        System.out.println("|---|---|---|---|");
        for (int trainSize : new int[] {25, 50}) {
            PreparedData data = DataPipeline.prepare(BuiltinDatasets.load("bcw"),
                    SplitSpec.of(0, 0.2).trainSize(trainSize), MissingValuePolicy.TRAIN_MEDIAN);
            for (BnnSpec spec : new BnnSpec[] {BnnSpec.forData(data.train()).hidden(5).build(),
                    BnnSpec.forData(data.train()).hidden(5).variant(Variant.BDNN0).build(),
                    BnnSpec.forData(data.train()).hidden(5).weights(WeightDomain.BINARY).build()}) {
                String first = "";
                double sum = 0;
                double min = 1;
                double max = 0;
                for (long seed = 0; seed < seeds; seed++) {
                    SteResult r = new SteTrainer().train(data.train(), spec, Fixtures.ZERO_ONE,
                            SteOptions.defaults().withSeed(seed));
                    double test = Evaluation.of(r.network(), data.test()).accuracy();
                    if (seed == 0) {
                        first = String.format(Locale.ROOT, "%.1f%% / %.1f%%, %d ms",
                                100 * Evaluation.of(r.network(), data.train()).accuracy(), 100 * test,
                                r.time().toMillis());
                    }
                    sum += test;
                    min = Math.min(min, test);
                    max = Math.max(max, test);
                }
                System.out.printf(Locale.ROOT, "| %d | %s | %s | %.1f%% (%.1f-%.1f%%) |%n", trainSize, spec.describe(),
                        first, 100 * sum / seeds, 100 * min, 100 * max);
            }
        }
    }
}
