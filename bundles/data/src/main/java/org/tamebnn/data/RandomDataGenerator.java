package org.tamebnn.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws the random data sets of Bah &amp; Kurtz, Section 5, as described by a {@link RandomDataSpec}.
 * The same spec (seed included) always gives the same data, on every JDK: {@link Random}'s algorithm
 * is fixed by the Java specification.
 */
public final class RandomDataGenerator {

    private RandomDataGenerator() {
    }

    /**
     * The data set for {@code spec}: its points group by group (class 1, class 0, noise), so that
     * {@link RandomDataSpec#groupOf} tells each row's group; splitting shuffles them anyway.
     * Features are named {@code x1..xd}; the classes are {@code 0} and {@code 1}.
     */
    public static Dataset generate(RandomDataSpec spec) {
        var random = new Random(spec.seed());
        int n = spec.points();
        double[][] features = new double[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            switch (spec.groupOf(i)) {
                case CLASS_ONE -> {
                    features[i] = draw(random, spec.dimension(), spec.classOneLow(), spec.classOneHigh());
                    labels[i] = 1;
                }
                case CLASS_ZERO -> {
                    features[i] = draw(random, spec.dimension(), spec.classZeroLow(), spec.classZeroHigh());
                    labels[i] = 0;
                }
                case NOISE -> {
                    features[i] = draw(random, spec.dimension(), spec.noiseLow(), spec.noiseHigh());
                    labels[i] = random.nextInt(2);
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (int j = 1; j <= spec.dimension(); j++) {
            names.add("x" + j);
        }
        String name = "random-d" + spec.dimension() + "-n" + n + "-seed" + spec.seed();
        return Dataset.of(name, names, features, labels, LabelMapping.fromLabels(List.of("0", "1")));
    }

    private static double[] draw(Random random, int d, double low, double high) {
        double[] x = new double[d];
        for (int j = 0; j < d; j++) {
            // nextDouble is in [0, 1); an interval of width 0 gives its single value
            x[j] = low + (high - low) * random.nextDouble();
        }
        return x;
    }
}
