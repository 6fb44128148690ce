package org.tamebnn.trainers.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.osgi.service.component.annotations.Component;
import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.training.Termination;
import org.tamebnn.api.training.Trainer;
import org.tamebnn.api.training.TrainerOption;
import org.tamebnn.api.training.TrainerResult;
import org.tamebnn.api.training.TrainingContext;
import org.tamebnn.api.training.TrainingException;
import org.tamebnn.api.training.TrainingRequest;
import org.tamebnn.bnn.BnnSpec;
import org.tamebnn.bnn.FormulationOptions;
import org.tamebnn.bnn.RunSpecs;
import org.tamebnn.bnn.TrainingResult;
import org.tamebnn.data.ClassLabel;
import org.tamebnn.data.Dataset;
import org.tamebnn.data.LabelMapping;

/**
 * BeMi's one-vs-one scheme (Bernardelli et al., IJOC 2025): one small binary network per pair of
 * classes, each trained exactly by the MILP of Theorem 2 on the two classes' points only, and a
 * majority vote, ties broken by the summed margins of the pair models voting for each class. Each
 * pair's MILP maximises, after the loss, the smallest margin of every neuron (BeMi's second stage;
 * option {@code margin}), which decides which of a pair's many loss-0 networks it returns. With
 * k classes there are k(k−1)/2 MILPs, each far smaller than the multi-class one, solved in parallel
 * with a time limit each.
 */
@Component(service = Trainer.class, property = Trainer.NAME_PROPERTY + "=ensemble")
public final class EnsembleTrainerPlugin implements Trainer {
    @Override
    public String name() {
        return "ensemble";
    }

    @Override
    public String description() {
        return "one-vs-one ensemble (BeMi): one exact MILP network per pair of classes, majority vote,"
                + " ties broken by the summed margins";
    }

    @Override
    public List<TrainerOption> options() {
        return List.of(TrainerOption.positive("model-time-limit", 30, "seconds for each pair's MILP (it replaces"
                        + " --time-limit: k(k-1)/2 pairs at this limit, `parallel` at a time, bound the run)"),
                TrainerOption.choice("margin", "on", List.of("on", "off"), "after the loss, maximise the smallest"
                        + " margin of every neuron in each pair's MILP (BeMi's second stage)"),
                TrainerOption.positive("margin-cap", 1000, "the largest margin rewarded; above what the pixels reach,"
                        + " it is the true max-min margin"),
                TrainerOption.integer("parallel", Math.max(1, Runtime.getRuntime().availableProcessors()), 1,
                        "pair models solved at once (one solver thread each)"));
    }

    @Override
    public boolean needsSolver() {
        return true;
    }

    @Override
    public TrainerResult train(TrainingRequest request, TrainingContext context) {
        long start = System.nanoTime();
        Dataset train = Dataset.from(request.train());
        int classes = train.classCount();
        if (classes < 2) {
            throw new TrainingException("ensemble: one class only; a vote needs at least two");
        }
        SolveParams params = request.params().withThreads(1)
                .withTimeLimitSeconds(request.options().number("model-time-limit"));
        List<int[]> pairs = new ArrayList<>();
        for (int a = 0; a < classes; a++) {
            for (int b = a + 1; b < classes; b++) {
                pairs.add(new int[] {a, b});
            }
        }
        int threads = Math.min(pairs.size(), request.options().integer("parallel"));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tamebnn-ensemble");
            t.setDaemon(true);
            return t;
        });
        PairModel[] models = new PairModel[pairs.size()];
        try {
            CompletionService<PairModel> done = new ExecutorCompletionService<>(pool);
            for (int p = 0; p < pairs.size(); p++) {
                int index = p;
                done.submit(() -> pairModel(index, pairs.get(index), train, request, params));
            }
            for (int finished = 0; finished < pairs.size(); finished++) {
                PairModel m = take(done);
                models[m.index()] = m;
                // reported from the training thread, as listeners expect
                request.listener().iterationDone(finished + 1, m.result().trainingLoss());
            }
        } finally {
            pool.shutdownNow();
        }
        return result(models, train, request, start);
    }

    private static PairModel take(CompletionService<PairModel> done) {
        try {
            Future<PairModel> f = done.take();
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrainingException("ensemble: interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new TrainingException("ensemble: " + cause, cause);
        }
    }

    /** The binary network of classes a (output 0) and b (output 1), on their points only. */
    private static PairModel pairModel(int index, int[] pair, Dataset train, TrainingRequest request,
            SolveParams params) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            if (train.label(i) == pair[0] || train.label(i) == pair[1]) {
                rows.add(i);
            }
        }
        double[][] x = new double[rows.size()][];
        int[] y = new int[rows.size()];
        for (int r = 0; r < y.length; r++) {
            x[r] = train.row(rows.get(r));
            y[r] = train.label(rows.get(r)) == pair[1] ? 1 : 0;
        }
        List<String> names = train.classNames();
        Dataset binary = Dataset.of(train.name() + " " + names.get(pair[0]) + " vs " + names.get(pair[1]),
                train.featureNames(), x, y, new LabelMapping(List.of(ClassLabel.of(names.get(pair[0])),
                        ClassLabel.of(names.get(pair[1])))));
        BnnSpec spec = RunSpecs.network(request.spec(), binary);
        try {
            // every pair is small and often separable: among its networks of least loss, the widest
            // margin generalises (the ensemble's own default, whatever the spec's formulation says)
            FormulationOptions formulation = RunSpecs.formulation(request.spec());
            if (request.options().text("margin").equals("on")) {
                formulation = formulation.withMaxMargin(true).withMarginCap(request.options().number("margin-cap"));
            }
            TrainingResult r = RunSpecs.exactTrainer(request.spec()).train(binary, spec, formulation, request.loss(),
                    request.requireSolver(), params, SolveListener.NONE, request.cancel());
            return new PairModel(index, pair[0], pair[1], y.length, r);
        } catch (IllegalArgumentException e) {
            throw new TrainingException("ensemble: " + names.get(pair[0]) + " vs " + names.get(pair[1]) + ": "
                    + e.getMessage(), e);
        }
    }

    private TrainerResult result(PairModel[] models, Dataset train, TrainingRequest request, long start) {
        int missing = 0;
        int optimal = 0;
        double worstGap = 0;
        long nodes = 0;
        Duration solve = Duration.ZERO;
        for (PairModel m : models) {
            TrainingResult r = m.result();
            missing += r.hasNetwork() ? 0 : 1;
            optimal += r.status() == org.tamebnn.api.milp.SolveStatus.OPTIMAL ? 1 : 0;
            if (r.hasNetwork() && Double.isFinite(r.lossGap())) {
                worstGap = Math.max(worstGap, r.lossGap());
            }
            nodes += Math.max(0, r.nodes());
            solve = solve.plus(r.solveTime());
        }
        Duration total = Duration.ofNanos(System.nanoTime() - start);
        String summary = String.format(Locale.ROOT, "%d pair models: %d optimal, %d stopped with a network, %d without;"
                + " largest pair gap %.1f%%", models.length, optimal, models.length - optimal - missing, missing,
                100 * worstGap);
        if (missing > 0) {
            return TrainerResult.builder(request.requireSolver().info().name(), Termination.error(summary))
                    .message(summary).times(Duration.ZERO, solve, total).build();
        }
        List<OneVsOneVote.Voter> voters = new ArrayList<>();
        for (PairModel m : models) {
            voters.add(new OneVsOneVote.Voter(m.a(), m.b(), m.result().networkOrThrow()));
        }
        OneVsOneVote vote = new OneVsOneVote(voters, train.classCount());
        int errors = 0;
        for (int i = 0; i < train.size(); i++) {
            errors += vote.classify(train.row(i)) == train.label(i) ? 0 : 1;
        }
        Termination end = request.cancel().isCancelled() ? Termination.cancelled(summary)
                : new Termination(Termination.Reason.FEASIBLE, Termination.Limit.NONE, summary);
        TrainerResult.Builder b = TrainerResult.builder(request.requireSolver().info().name(), end).network(vote)
                .loss(errors, Double.NaN).nodes(nodes).times(Duration.ZERO, solve, total).message(summary);
        for (PairModel m : models) {
            TrainingResult r = m.result();
            b.detail(String.format(Locale.ROOT, "%s vs %s: %s, %d points, loss %s, gap %s, δ %s, %d non-zero weights,"
                    + " %.2f s", train.classNames().get(m.a()), train.classNames().get(m.b()), r.status(),
                    m.points(), MilpRun.number(r.trainingLoss()),
                    Double.isFinite(r.lossGap()) ? String.format(Locale.ROOT, "%.1f%%", 100 * r.lossGap()) : "-",
                    Double.isNaN(r.margin()) ? "-" : String.format(Locale.ROOT, "%.4g", r.margin()),
                    r.networkOrThrow().nonZeroWeightCount(), r.solveTime().toNanos() / 1e9));
        }
        return b.build();
    }

    /** One pair's trained model: classes a (its output 0) and b (its output 1), and the points it saw. */
    record PairModel(int index, int a, int b, int points, TrainingResult result) {
    }
}
