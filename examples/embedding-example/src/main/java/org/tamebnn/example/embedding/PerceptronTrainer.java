package org.tamebnn.example.embedding;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.tamebnn.api.training.Network;
import org.tamebnn.api.training.Task;
import org.tamebnn.api.training.Termination;
import org.tamebnn.api.training.Trainer;
import org.tamebnn.api.training.TrainerOption;
import org.tamebnn.api.training.TrainerResult;
import org.tamebnn.api.training.TrainingContext;
import org.tamebnn.api.training.TrainingData;
import org.tamebnn.api.training.TrainingRequest;

/**
 * The averaged perceptron (Freund &amp; Schapire 1999, in Daumé's constant-time averaging form) as a
 * trainer: a linear classifier, one unit for two classes and one unit per class (one-vs-rest) for
 * more. It is the simplest baseline a BNN can be held against: a network with no hidden layer,
 * real weights, and no proof of anything.
 *
 * <p>It needs no solver, and its training loss is the 0-1 loss of the averaged model (the model it
 * returns, not the online weights the updates were made with), so it takes the {@code zero-one}
 * loss only: under another loss its loss column would not mean what the column says.
 */
@Component(service = Trainer.class, property = Trainer.NAME_PROPERTY + "=" + PerceptronTrainer.NAME)
public final class PerceptronTrainer implements Trainer {
    static final String NAME = "perceptron";
    static final String EPOCHS = "epochs";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "averaged perceptron (Freund & Schapire 1999): a linear classifier, one-vs-rest beyond two classes;"
                + " a non-BNN baseline";
    }

    @Override
    public List<TrainerOption> options() {
        // no learning rate: the weights start at 0, so any rate only scales the model and never changes a
        // prediction of the perceptron
        return List.of(TrainerOption.integer(EPOCHS, 50, 1, "passes over the training rows, shuffled by the seed"));
    }

    @Override
    public boolean needsSolver() {
        return false;
    }

    @Override
    public Set<Task> tasks() {
        return Set.of(Task.CLASSIFICATION);
    }

    @Override
    public boolean supportsLoss(String loss) {
        return loss.equals("zero-one");
    }

    @Override
    public TrainerResult train(TrainingRequest request, TrainingContext context) {
        long start = System.nanoTime();
        int epochs = request.options().integer(EPOCHS);
        long limitNanos = request.params().timeLimit().map(Duration::toNanos).orElse(Long.MAX_VALUE);

        TrainingData data = request.train();
        int n = data.size();
        double[][] rows = new double[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = data.row(i); // a copy per call: read once, not once per epoch
            labels[i] = data.label(i);
        }
        int classes = data.classCount();
        Online online = new Online(classes == 2 ? 1 : classes, data.featureCount());
        // one generator for the whole run, so that the run is reproducible from the seed alone
        Random random = new Random(request.seed());
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);

        double[] curve = new double[epochs];
        int done = 0;
        int lastUpdates = 0;
        Model model = null;
        int errors = 0;
        Termination end = Termination.finished();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            if (request.cancel().isCancelled()) {
                end = stopped(Termination.Reason.CANCELLED, Termination.Limit.NONE, "cancelled", done, epochs);
                break;
            }
            if (System.nanoTime() - start >= limitNanos) {
                end = stopped(done > 0 ? Termination.Reason.FEASIBLE : Termination.Reason.NO_SOLUTION,
                        Termination.Limit.TIME, "time limit reached", done, epochs);
                break;
            }
            shuffle(order, random);
            lastUpdates = online.epoch(rows, labels, order);
            model = online.averaged(classes);
            errors = model.errors(rows, labels);
            curve[epoch - 1] = errors;
            done = epoch;
            request.listener().iterationDone(epoch, errors);
        }

        TrainerResult.Builder result = TrainerResult.builder("-", end).totalTime(Duration.ofNanos(System.nanoTime()
                - start)).lossCurve(Arrays.copyOf(curve, done));
        if (model == null) {
            return result.detail("averaged perceptron: no epoch ran").build();
        }
        return result.network(model).loss(errors, Double.NaN).detail(String.format(Locale.ROOT,
                "%s: %d of %d epochs over %d rows (seed %d); the averaged model misclassifies %d of them,"
                        + " the last epoch updated on %d", model.describe(), done, epochs, n, request.seed(), errors,
                lastUpdates)).build();
    }

    private static Termination stopped(Termination.Reason reason, Termination.Limit limit, String why, int done,
            int epochs) {
        return new Termination(reason, limit, why + " after " + done + " of " + epochs + " epochs");
    }

    /** Fisher-Yates, on the run's own generator (Collections.shuffle would need boxed indices). */
    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /**
     * The online weights and the running sums that make their average available at any time
     * without keeping a copy per step: average = w − u / c, where u sums c × each update and c counts
     * the rows seen (Daumé, A Course in Machine Learning, Algorithm 7).
     */
    private static final class Online {
        private final double[][] w;
        private final double[] b;
        private final double[][] u;
        private final double[] ub;
        private long c = 1;

        Online(int units, int features) {
            w = new double[units][features];
            b = new double[units];
            u = new double[units][features];
            ub = new double[units];
        }

        /** One pass in {@code order}; the number of rows on which some unit was wrong and updated. */
        int epoch(double[][] rows, int[] labels, int[] order) {
            int updated = 0;
            for (int i : order) {
                double[] x = rows[i];
                boolean any = false;
                for (int k = 0; k < w.length; k++) {
                    // with a single unit it votes for class 1; with one per class, unit k for class k
                    int target = w.length == 1 ? labels[i] == 1 ? 1 : -1 : labels[i] == k ? 1 : -1;
                    if (target * (dot(w[k], x) + b[k]) <= 0) {
                        double step = target;
                        for (int j = 0; j < x.length; j++) {
                            w[k][j] += step * x[j];
                            u[k][j] += c * step * x[j];
                        }
                        b[k] += step;
                        ub[k] += c * step;
                        any = true;
                    }
                }
                if (any) {
                    updated++;
                }
                c++;
            }
            return updated;
        }

        Model averaged(int classes) {
            double[][] aw = new double[w.length][];
            double[] ab = new double[w.length];
            for (int k = 0; k < w.length; k++) {
                aw[k] = new double[w[k].length];
                for (int j = 0; j < aw[k].length; j++) {
                    aw[k][j] = w[k][j] - u[k][j] / c;
                }
                ab[k] = b[k] - ub[k] / c;
            }
            return new Model(aw, ab, classes);
        }
    }

    private static double dot(double[] a, double[] x) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * x[j];
        }
        return s;
    }

    /**
     * The averaged model as the pipeline reads a network. With two classes its one unit's score s
     * is answered as (−s, s), so that classifying is the argmax for any number of classes.
     */
    record Model(double[][] weights, double[] biases, int classCount) implements Network {
        @Override
        public double[] outputs(double[] row) {
            if (weights.length == 1 && classCount == 2) {
                double s = dot(weights[0], row) + biases[0];
                return new double[] {-s, s};
            }
            double[] scores = new double[weights.length];
            for (int k = 0; k < scores.length; k++) {
                scores[k] = dot(weights[k], row) + biases[k];
            }
            return scores;
        }

        @Override
        public int classify(double[] row) {
            double[] scores = outputs(row);
            int best = 0;
            for (int k = 1; k < scores.length; k++) {
                if (scores[k] > scores[best]) {
                    best = k;
                }
            }
            return best;
        }

        @Override
        public String describe() {
            return "averaged perceptron " + weights[0].length + "-" + classCount;
        }

        int errors(double[][] rows, int[] labels) {
            int wrong = 0;
            for (int i = 0; i < rows.length; i++) {
                if (classify(rows[i]) != labels[i]) {
                    wrong++;
                }
            }
            return wrong;
        }
    }
}
