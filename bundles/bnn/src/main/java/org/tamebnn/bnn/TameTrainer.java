package org.tamebnn.bnn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

import org.tamebnn.api.dual.DualConstructor;
import org.tamebnn.api.dual.DualRequest;
import org.tamebnn.api.dual.DualResult;
import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.milp.Limit;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.bnn.internal.FixedParameters;
import org.tamebnn.data.Dataset;

/**
 * Training by conservative fields of a dual function: the Taming paper's Corollary 1 made practical.
 * The first layer (W₁, λ₁) stays real-valued and is the parameter θ; with θ fixed the rest of the
 * network is a MILP (the Theorem 2 formulation with θ's columns taken out) whose right-hand side
 * d(θ) = d⁰ − A_θ θ is affine in θ: the first layer's preactivations w·x − λ enter its activation
 * rows as constants ({@link FixedParameters}). Each iteration
 *
 * <ol>
 * <li>solves that MILP at d(θ_k): the training loss z(d(θ_k)) with the best deeper layers for this
 * first layer;</li>
 * <li>builds a dual function F ≤ z at d(θ_k) with a dual-function plugin (strong there when, as the
 * branch-and-bound dual does on a complete tree, F(d(θ_k)) = z(d(θ_k)));</li>
 * <li>takes g, the mean of the gradients F's conservative field lists at d(θ_k) (a point of their
 * convex hull, (13)), and chains it through d(θ): c_θ − A_θᵀ g (the chain rule conservative fields
 * allow, (8));</li>
 * <li>steps θ by the conservative subgradient update (9), v_{k+1} = v_k − α_k g_k, normalised and
 * kept in θ's bounds, with α_k = α₀/√(k+1) ({@code sqrt}), α₀/(k+1) ({@code harmonic}) or α₀
 * ({@code constant}).</li>
 * </ol>
 *
 * z itself is piecewise constant in θ (the activations switch), so its gradient is 0 almost
 * everywhere; F's field is not — the LP duals of the activation rows say which preactivations to
 * move, and by how much the loss bound moves with them. The best network seen is kept. It stops at
 * the iteration limit, the time budget, a zero field (no direction to move) or a loss of 0.
 */
public final class TameTrainer {

    /** The step-size schedule α_k. */
    public enum Schedule {
        SQRT, HARMONIC, CONSTANT;

        double step(double alpha0, int k) {
            return switch (this) {
                case SQRT -> alpha0 / Math.sqrt(k + 1);
                case HARMONIC -> alpha0 / (k + 1);
                case CONSTANT -> alpha0;
            };
        }
    }

    /**
     * @param iterations   the most iterations
     * @param alpha0       α₀, the first step's length in θ's ℓ₂ norm (θ lives in [−1, 1])
     * @param schedule     α_k
     * @param dualOptions  options for the dual-function plugin, as {@code key=value} pairs (e.g. nodes=2000)
     * @param randomStart  start from a seeded random first layer instead of the pocket perceptron's
     */
    public record Options(int iterations, double alpha0, Schedule schedule, java.util.Map<String, String> dualOptions,
            boolean randomStart, int samples, double sigma) {
        public Options {
            if (iterations < 1) {
                throw new IllegalArgumentException("iterations must be at least 1, got " + iterations);
            }
            if (!(alpha0 > 0) || !Double.isFinite(alpha0)) {
                throw new IllegalArgumentException("the step α₀ must be positive, got " + alpha0);
            }
            dualOptions = java.util.Map.copyOf(dualOptions);
            if (samples < 0 || !(sigma >= 0)) {
                throw new IllegalArgumentException("samples must be ≥ 0 and sigma ≥ 0, got " + samples + " and " + sigma);
            }
        }

        public static Options defaults() {
            return new Options(30, 0.2, Schedule.SQRT, java.util.Map.of(), false, 16, 0.05);
        }

        public Options withIterations(int n) {
            return new Options(n, alpha0, schedule, dualOptions, randomStart, samples, sigma);
        }

        public Options withAlpha0(double a) {
            return new Options(iterations, a, schedule, dualOptions, randomStart, samples, sigma);
        }

        public Options withSchedule(Schedule s) {
            return new Options(iterations, alpha0, s, dualOptions, randomStart, samples, sigma);
        }

        /** Smoothing: the field averaged over {@code n} points d(θ) + σ·ξ, ξ standard normal (n = 0: at d(θ) only). */
        public Options withSmoothing(int n, double s) {
            return new Options(iterations, alpha0, schedule, dualOptions, randomStart, n, s);
        }

        public Options withDualOptions(java.util.Map<String, String> o) {
            return new Options(iterations, alpha0, schedule, o, randomStart, samples, sigma);
        }

        public Options withRandomStart(boolean on) {
            return new Options(iterations, alpha0, schedule, dualOptions, on, samples, sigma);
        }
    }

    /**
     * One iteration: the training loss z at θ_k, the dual function's value there, the norm of the
     * chained field element, the step taken and the time so far.
     */
    public record Iteration(int k, double loss, double dualValue, String dualMessage, double fieldNorm, double step,
            Duration elapsed) {
    }

    /**
     * The best network found (with the consistency check on the full formulation), every
     * iteration, and why it stopped.
     */
    public record Result(TrainingResult best, List<Iteration> iterations, String stop) {
        /** The training loss per iteration, for a loss curve. */
        public double[] lossCurve() {
            return iterations.stream().mapToDouble(Iteration::loss).toArray();
        }
    }

    private final Options options;

    public TameTrainer(Options options) {
        this.options = options;
    }

    /** Why this trainer cannot train {@code spec}, or empty. */
    public static Optional<String> unsupported(BnnSpec spec) {
        if (spec.weights() != WeightDomain.REAL) {
            return Optional.of("the tame trainer steps a real-valued first layer; use --weights real");
        }
        if (spec.layerCount() < 2) {
            return Optional.of("the tame trainer needs a hidden layer: the first layer is its parameter, the rest the MILP");
        }
        return Optional.empty();
    }

    /**
     * Trains {@code spec} on {@code train}.
     *
     * @param solver      the MILP solver for the deeper layers at each θ
     * @param dual        the dual-function plugin (e.g. {@code bb})
     * @param dualBackend the backend the plugin builds on (an LP solver with duals for {@code bb})
     * @param params      limits for each MILP solve and each dual construction (its seed seeds the start)
     * @param budget      the whole run's time budget
     */
    public Result train(Dataset train, BnnSpec spec, FormulationOptions formulation, LossFunction loss,
            MilpSolver solver, DualConstructor dual, MilpSolver dualBackend, SolveParams params, Duration budget,
            CancellationToken cancel) {
        spec.requireClassifier("the tame trainer");
        unsupported(spec).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        BnnMilp milp = BnnFormulation.build(train, spec, formulation, loss);
        BnnVariables v = milp.variables();
        List<Integer> columns = new ArrayList<>();
        for (int k = 0; k < spec.width(0); k++) {
            for (int j = 0; j < spec.fanIn(0); j++) {
                columns.add(v.weightColumn(0, k, j));
            }
            if (v.thresholdColumn(0, k) >= 0) {
                columns.add(v.thresholdColumn(0, k));
            }
        }
        FixedParameters fixed = new FixedParameters(milp.model(), columns.stream().mapToInt(Integer::intValue).toArray());
        double[] lower = fixed.lower();
        double[] upper = fixed.upper();
        double[] theta = options.randomStart() ? random(lower, upper, params.seed().orElse(0))
                : fixed.parametersOf(HeuristicStart.of(milp, params.seed().orElse(0)).solution());
        List<Iteration> log = new ArrayList<>();
        Random random = new Random(params.seed().orElse(0) + 1);
        TrainingResult best = null;
        String stop = "the iteration limit (" + options.iterations() + ") was reached";
        for (int k = 0; k < options.iterations(); k++) {
            if (cancel.isCancelled()) {
                stop = "cancelled";
                break;
            }
            if (System.nanoTime() > deadline) {
                stop = "the time budget (" + budget.toSeconds() + " s) ran out";
                break;
            }
            MilpModel atTheta = fixed.at(theta);
            SolveParams left = within(params, deadline);
            long solveStart = System.nanoTime();
            SolveResult r = solver.solve(atTheta, left, org.tamebnn.api.milp.SolveListener.NONE, cancel);
            Duration solveTime = Duration.ofNanos(System.nanoTime() - solveStart);
            if (!r.hasSolution()) {
                stop = "the MILP at iteration " + k + " ended " + r.status() + (r.message().isEmpty() ? "" : " (" + r.message() + ")");
                break;
            }
            double[] full = fixed.fullSolution(theta, r.values());
            TrainingResult result = result(milp, loss, r, full, solveTime);
            if (best == null || result.trainingLoss() < best.trainingLoss() - 1e-9) {
                best = result;
            }
            if (result.trainingLoss() <= 1e-9) {
                log.add(new Iteration(k, result.trainingLoss(), Double.NaN, "loss 0: nothing to improve", 0, 0, since(start)));
                stop = "the training loss is 0";
                break;
            }
            DualRequest request = DualRequest.of(dualBackend).withRows(fixed.varyingRows()).withParams(within(params, deadline));
            if (dual.options().contains("nodes")) { // a tree: bb, bc
                // the MILP's optimum prunes the tree from its root; a bounded tree keeps each iteration short;
                // and the leaves alone, not the whole tree: an interior node's own bound (its LP, in which the
                // first layer's activations are free between their bounds) does not move with d and, taken as
                // the max with its children's, flattens F around d, so the field would be 0 near d too
                request = request.withOption("incumbent", Double.toString(r.objective())).withOption("nodes", "2000");
                if (dual.options().contains("evaluation")) {
                    request = request.withOption("evaluation", "leaves");
                }
            }
            for (var option : options.dualOptions().entrySet()) {
                request = request.withOption(option.getKey(), option.getValue());
            }
            DualResult d = dual.construct(atTheta, request);
            if (d.function().isEmpty()) {
                log.add(new Iteration(k, result.trainingLoss(), Double.NaN, d.message(), Double.NaN, 0, since(start)));
                stop = "no dual function at iteration " + k + ": " + d.message();
                break;
            }
            double[] at = org.tamebnn.api.dual.RightHandSide.of(atTheta, fixed.varyingRows());
            List<double[]> field = field(d.function().get(), at, random);
            if (field.isEmpty()) {
                log.add(new Iteration(k, result.trainingLoss(), d.valueAtB(), d.message(), Double.NaN, 0, since(start)));
                stop = "the dual function is −∞ at the current right-hand side: no field";
                break;
            }
            double[] g = fixed.chain(mean(field));
            double norm = Math.sqrt(java.util.Arrays.stream(g).map(x -> x * x).sum());
            if (norm <= 1e-12) {
                log.add(new Iteration(k, result.trainingLoss(), d.valueAtB(), d.message(), norm, 0, since(start)));
                stop = "the conservative field holds 0 at iteration " + k + ": no direction to move";
                break;
            }
            double step = options.schedule().step(options.alpha0(), k);
            for (int p = 0; p < theta.length; p++) {
                theta[p] = Math.max(lower[p], Math.min(upper[p], theta[p] - step * g[p] / norm));
            }
            log.add(new Iteration(k, result.trainingLoss(), d.valueAtB(), d.message(), norm, step, since(start)));
        }
        if (best == null) {
            throw new IllegalStateException("no network: " + stop);
        }
        return new Result(best, List.copyOf(log), stop);
    }

    /** The full formulation's view of one iteration's network: its objective, loss, guard. */
    private static TrainingResult result(BnnMilp milp, LossFunction loss, SolveResult r, double[] full, Duration solveTime) {
        double objective = milp.model().objectiveValue(full);
        TrainedBnn network = milp.extract(full);
        ConsistencyReport report = ConsistencyCheck.check(milp, full, objective, network, loss);
        return new TrainingResult(r.solver(), SolveStatus.FEASIBLE, Limit.OTHER,
                "the first layer stepped by conservative fields, the rest solved: no bound",
                Optional.of(network), Optional.of(report), objective, Double.NaN, milp.lossPart(objective, full),
                Double.NaN, milp.margin(full), milp.model().maxViolation(full), Duration.ZERO, solveTime, r.nodes(),
                milp, Optional.empty(), false);
    }

    /**
     * The field at d, or with smoothing the mean field over d + σξ. Why smoothing: z is piecewise
     * constant in d, and a dual function strong at d (F(d) = z(d)) touches z from below there, so
     * where z is locally constant d is a local maximum of F and every gradient F has at d is 0 —
     * the exact field gives no direction. Its pieces a little away from d do: the bounds of the
     * boxes where activations flip (infeasible at d, feasible nearby) fall towards their own loss.
     * Averaging the field over nearby points is the gradient of F smoothed by a Gaussian, the same
     * dual function seen at the scale σ of the preactivations.
     */
    private List<double[]> field(org.tamebnn.api.dual.DualFunction f, double[] d, Random random) {
        if (options.samples() == 0 || options.sigma() == 0) {
            return f.conservativeField(d);
        }
        List<double[]> out = new ArrayList<>();
        for (int s = 0; s < options.samples(); s++) {
            double[] near = d.clone();
            for (int i = 0; i < near.length; i++) {
                near[i] += options.sigma() * random.nextGaussian();
            }
            List<double[]> here = f.conservativeField(near);
            if (!here.isEmpty()) {
                out.add(mean(here));
            }
        }
        return out;
    }

    private static double[] mean(List<double[]> field) {
        double[] g = new double[field.get(0).length];
        for (double[] h : field) {
            for (int i = 0; i < g.length; i++) {
                g[i] += h[i] / field.size();
            }
        }
        return g;
    }

    private static double[] random(double[] lower, double[] upper, long seed) {
        Random rnd = new Random(seed);
        double[] theta = new double[lower.length];
        for (int p = 0; p < theta.length; p++) {
            double lo = Math.max(lower[p], -1);
            double hi = Math.min(upper[p], 1);
            theta[p] = lo + (hi - lo) * rnd.nextDouble();
        }
        return theta;
    }

    private static SolveParams within(SolveParams params, long deadline) {
        Duration left = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
        return params.timeLimit().map(l -> l.compareTo(left) < 0 ? params : params.withTimeLimit(left))
                .orElse(params.withTimeLimit(left));
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "tame (%d iterations, α₀ %.3g, %s)", options.iterations(), options.alpha0(),
                options.schedule().name().toLowerCase(Locale.ROOT));
    }
}
