package org.tamebnn.solver.ojalgo;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Properties;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.osgi.service.component.annotations.Component;
import org.tamebnn.api.milp.AbstractMilpSolver;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.Limit;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.Row;
import org.tamebnn.api.milp.Sense;
import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.api.milp.SolverInfo;

/**
 * ojAlgo's {@link ExpressionsBasedModel}: pure Java, nothing to install, the platform's default.
 *
 * <p>ojAlgo reports neither a best bound nor a gap for MILPs, so both stay unknown (NaN). Its
 * solvers check their time budget at every iteration and read it afresh each time, which is how
 * a time limit and cancellation reach them: cancelling sets the budget to zero.
 */
@Component(service = MilpSolver.class, property = MilpSolver.NAME_PROPERTY + "=" + OjAlgoSolver.NAME)
public final class OjAlgoSolver extends AbstractMilpSolver {
    static final String NAME = "ojalgo";

    private static final SolverInfo INFO = new SolverInfo(NAME, "ojAlgo ExpressionsBasedModel (pure Java)",
            backendVersion(), EnumSet.of(Capability.INTEGER_VARIABLES, Capability.TIME_LIMIT, Capability.CANCELLATION),
            "pure Java, always available; no best bound or gap for MILPs (reported as unknown); "
                    + "one ojAlgo model per solve, so concurrent solves are safe; known defect: ojAlgo 57.1 "
                    + "can return a suboptimal MILP solution as OPTIMAL (the conformance kit's general-integer case)");

    static {
        letIdleWorkersEnd();
    }

    /**
     * ojAlgo runs parts of its branch and bound on one static pool whose core threads never end.
     * Those threads belong to this bundle's class loader, so without this every update of the
     * bundle left its old revision (about 650 classes) reachable for the life of the JVM. Letting
     * the core threads idle out (after ojAlgo's 5 s keep-alive) frees the old revision once its
     * last solve is over, and costs a new solve after a pause only the threads' restart. The pool
     * is not public API, hence reflection; a later ojAlgo without it simply keeps its threads.
     */
    private static void letIdleWorkersEnd() {
        try {
            var field = org.ojalgo.concurrent.DaemonPoolExecutor.class.getDeclaredField("INSTANCE");
            field.setAccessible(true);
            if (field.get(null) instanceof java.util.concurrent.ThreadPoolExecutor pool) {
                pool.allowCoreThreadTimeOut(true);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // best effort: the solver works the same with the pool's threads kept
        }
    }

    @Override
    public SolverInfo info() {
        return INFO;
    }

    @Override
    protected SolveResult solveChecked(MilpModel model, SolveParams params, SolveListener listener,
            CancellationToken cancellation, long startNanos) {
        return onThreadOfItsOwn(() -> solveHere(model, params, cancellation, startNanos));
    }

    /**
     * ojAlgo caches objects of its own classes in ThreadLocals of the thread that solves. Left on a
     * caller's long-lived thread (the console's, a benchmark's main thread) they would keep this
     * bundle's class loader reachable after an update, so every solve runs on a thread that ends
     * with it.
     */
    private static SolveResult onThreadOfItsOwn(java.util.function.Supplier<SolveResult> solve) {
        var result = new java.util.concurrent.CompletableFuture<SolveResult>();
        Thread.ofPlatform().name("ojalgo-solve").daemon().start(() -> {
            try {
                result.complete(solve.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private SolveResult solveHere(MilpModel model, SolveParams params, CancellationToken cancellation,
            long startNanos) {
        Optimisation.Options options = new Optimisation.Options();
        params.timeLimit().ifPresent(limit -> {
            options.time_abort = Math.max(1, limit.toMillis());
            options.time_suffice = options.time_abort;
        });
        long translating = System.nanoTime();
        ExpressionsBasedModel ojModel = new ExpressionsBasedModel(options);
        Variable[] vars = translate(model, ojModel);
        Duration modelTime = elapsed(translating);
        Optimisation.Result result = optimise(model, ojModel, options, cancellation);
        boolean timedOut = params.timeLimit().map(l -> elapsed(startNanos).compareTo(l) >= 0).orElse(false);
        SolveResult r = toResult(model, vars.length, result, cancellation.isCancelled(), timedOut);
        if (r.status() == SolveStatus.INFEASIBLE && model.hasIntegers()) {
            r = checkInfeasibility(model, r, params.timeLimit().map(l -> l.minus(elapsed(startNanos))), cancellation);
        }
        return r.withModelTime(modelTime);
    }

    /**
     * Runs ojAlgo on the calling thread. Cancellation sets its time budget to zero: ojAlgo reads
     * the budget afresh at every iteration, so it stops at the next one and keeps its incumbent.
     * (Interrupting the thread would also stop it, but ojAlgo then throws from its worker pool and
     * the incumbent is lost.)
     */
    private static Optimisation.Result optimise(MilpModel model, ExpressionsBasedModel ojModel,
            Optimisation.Options options, CancellationToken cancellation) {
        try (CancellationToken.Registration r = cancellation.onCancel(() -> {
            options.time_abort = 0;
            options.time_suffice = 0;
        })) {
            return model.sense() == Sense.MINIMIZE ? ojModel.minimise() : ojModel.maximise();
        } finally {
            ojModel.dispose();
        }
    }

    /**
     * ojAlgo's branch and bound calls some unbounded MILPs infeasible (max x + y, x − y ≤ ½ over
     * the non-negative integers, for one). A MILP whose LP relaxation is unbounded is either
     * infeasible or unbounded (Meyer 1974, for rational data), so then that is all we claim.
     */
    private SolveResult checkInfeasibility(MilpModel model, SolveResult milp, java.util.Optional<Duration> remaining,
            CancellationToken cancellation) {
        Optimisation.Options options = new Optimisation.Options();
        remaining.ifPresent(left -> options.time_abort = Math.max(1, left.toMillis()));
        ExpressionsBasedModel lp = new ExpressionsBasedModel(options);
        translate(model.relaxation(), lp);
        Optimisation.Result r = optimise(model, lp, options, cancellation);
        if (r.getState() == Optimisation.State.UNBOUNDED) {
            return SolveResult.ended(NAME, SolveStatus.INFEASIBLE_OR_UNBOUNDED, milp.rawStatus(),
                    "ojAlgo reported the MILP infeasible, but its LP relaxation is unbounded", Double.NaN,
                    Double.NaN, null, null, -1);
        }
        return milp;
    }

    private static Variable[] translate(MilpModel model, ExpressionsBasedModel ojModel) {
        Variable[] vars = new Variable[model.variableCount()];
        for (int j = 0; j < vars.length; j++) {
            org.tamebnn.api.milp.Variable v = model.variable(j);
            Variable ov = ojModel.newVariable(v.name());
            if (Double.isFinite(v.lower())) {
                ov.lower(v.lower());
            }
            if (Double.isFinite(v.upper())) {
                ov.upper(v.upper());
            }
            ov.integer(v.isInteger());
            double c = model.objectiveCoefficient(j);
            if (c != 0.0) {
                ov.weight(c);
            }
            vars[j] = ov;
        }
        for (Row row : model.rows()) {
            Expression e = ojModel.newExpression(row.name());
            for (int k = 0; k < row.size(); k++) {
                e.set(vars[row.column(k)], row.coefficient(k));
            }
            if (Double.isFinite(row.lower())) {
                e.lower(row.lower());
            }
            if (Double.isFinite(row.upper())) {
                e.upper(row.upper());
            }
        }
        return vars;
    }

    private static SolveResult toResult(MilpModel model, int n, Optimisation.Result result, boolean cancelled,
            boolean timedOut) {
        Optimisation.State state = result.getState();
        boolean feasible = state.isFeasible() && result.size() == n;
        double[] x = null;
        double objective = Double.NaN;
        if (feasible) {
            x = new double[n];
            for (int j = 0; j < n; j++) {
                x[j] = result.doubleValue(j);
            }
            objective = model.objectiveValue(x);
        }
        String raw = state.name();
        if (state.isOptimal()) {
            // ojAlgo's branch and bound gives no bound: its MILP optimum is a claim; an LP optimum is its own bound
            return model.hasIntegers()
                    ? SolveResult.ended(NAME, SolveStatus.OPTIMAL_UNCONFIRMED, raw,
                            "ojAlgo's claim: it gives no bound to confirm it", objective, Double.NaN, x, null, -1)
                    : SolveResult.ended(NAME, SolveStatus.OPTIMAL, raw, "", objective, objective, x, null, -1);
        }
        if (cancelled) {
            return SolveResult.stopped(NAME, Limit.INTERRUPTED, raw, "", objective, Double.NaN, x, -1);
        }
        if (timedOut) {
            // ojAlgo may call a search it abandoned at the limit "infeasible": only the clock is certain.
            return SolveResult.stopped(NAME, Limit.TIME, raw, "time limit reached (ojAlgo state " + state + ")",
                    objective, Double.NaN, x, -1);
        }
        if (state == Optimisation.State.INFEASIBLE || state == Optimisation.State.UNBOUNDED) {
            return SolveResult.ended(NAME, state == Optimisation.State.INFEASIBLE ? SolveStatus.INFEASIBLE
                    : SolveStatus.UNBOUNDED, raw, "", Double.NaN, Double.NaN, null, null, -1);
        }
        if (feasible) {
            return SolveResult.stopped(NAME, Limit.OTHER, raw, "ojAlgo stopped with a feasible, unproven solution"
                    + " (state " + state + ")", objective, Double.NaN, x, -1);
        }
        return SolveResult.error(NAME, "ojAlgo ended in state " + state + " without a solution", null);
    }

    private static String backendVersion() {
        Properties p = new Properties();
        try (InputStream in = OjAlgoSolver.class.getResourceAsStream("backend.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // The version is informational; an unreadable resource leaves it "unknown".
        }
        return p.getProperty("version", "unknown");
    }
}
