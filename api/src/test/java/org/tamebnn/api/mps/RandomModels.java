package org.tamebnn.api.mps;

import java.util.Random;

import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.Sense;

/** Random models with awkward numbers, every bound and row form, for round-trip tests. */
final class RandomModels {
    private static final double INF = Double.POSITIVE_INFINITY;

    private RandomModels() {
    }

    static MilpModel model(Random random, String name) {
        MilpModel.Builder b = MilpModel.builder(name)
                .sense(random.nextBoolean() ? Sense.MINIMIZE : Sense.MAXIMIZE);
        if (random.nextBoolean()) {
            b.objectiveOffset(number(random));
        }
        if (random.nextInt(4) == 0) {
            b.objectiveName("z" + random.nextInt(100));
        }
        int n = 1 + random.nextInt(30);
        for (int j = 0; j < n; j++) {
            boolean integer = random.nextInt(3) == 0;
            double[] bounds = bounds(random, integer);
            b.addVariable("x" + j, bounds[0], bounds[1], integer
                    ? org.tamebnn.api.milp.VariableType.INTEGER : org.tamebnn.api.milp.VariableType.CONTINUOUS);
            if (random.nextInt(3) > 0) {
                b.objective(j, number(random));
            }
        }
        int m = random.nextInt(20);
        for (int i = 0; i < m; i++) {
            MilpModel.RowBuilder row = b.row("c" + i);
            int terms = random.nextInt(Math.min(n, 8) + 1);
            for (int t = 0; t < terms; t++) {
                row.term(random.nextInt(n), number(random));
            }
            double a = number(random);
            double c = number(random);
            switch (random.nextInt(4)) {
                case 0 -> row.atMost(a);
                case 1 -> row.atLeast(a);
                case 2 -> row.equalTo(a);
                default -> row.between(Math.min(a, c), a == c ? a + 1 : Math.max(a, c));
            }
        }
        return b.build();
    }

    private static double[] bounds(Random random, boolean integer) {
        double a = integer ? random.nextInt(21) - 10 : number(random);
        double c = integer ? random.nextInt(21) - 10 : number(random);
        double lo = Math.min(a, c);
        double hi = Math.max(a, c);
        return switch (random.nextInt(9)) {
            case 0 -> new double[] {0, INF};
            case 1 -> new double[] {Double.NEGATIVE_INFINITY, INF};
            case 2 -> new double[] {Double.NEGATIVE_INFINITY, hi};
            case 3 -> new double[] {lo, INF};
            case 4 -> new double[] {lo, lo};
            case 5 -> new double[] {0, 1};
            case 6 -> new double[] {0, Math.abs(hi)};
            default -> new double[] {lo, hi};
        };
    }

    /** Small integers, ordinary decimals, long fractions, tiny and huge magnitudes, both signs. */
    static double number(Random random) {
        double sign = random.nextBoolean() ? 1 : -1;
        return switch (random.nextInt(6)) {
            case 0 -> random.nextInt(10) * sign + 0.0; // + 0.0: no negative zero, which MPS does not keep
            case 1 -> Math.round(random.nextDouble() * 10000) / 100.0 * sign;
            case 2 -> random.nextDouble() * 1000 * sign;
            case 3 -> random.nextDouble() * 1e-8 * sign;
            case 4 -> random.nextDouble() * 1e14 * sign;
            default -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
        };
    }
}
