package org.tamebnn.solver.portfolio;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.tamebnn.api.milp.AbstractMilpSolver;
import org.tamebnn.api.milp.Availability;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.Limit;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.Sense;
import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.api.milp.SolverInfo;

/**
 * Races the other installed MILP solvers on one model and returns the first <em>certified</em>
 * answer, naming the winner, and cancels the rest. Certified means an optimum with a bound that
 * confirms it, or a proof of infeasibility or unboundedness; an "optimal" without a bound (ojAlgo's,
 * lp_solve's) is only a claim, kept as a candidate while the race goes on, so a backend that
 * answers fast and wrong does not win. When nobody certifies, the best solution found is returned
 * with the status of the member that found it.
 *
 * <p>A service composed of services: its members are the MilpSolver services registered without
 * the {@value MilpSolver#COMPOSITE_PROPERTY} property, and it is active only while there is at least one.
 * Members that cannot be interrupted run on after the race is decided; their answers are dropped.
 */
@Component(service = MilpSolver.class, property = {MilpSolver.NAME_PROPERTY + "=" + PortfolioSolver.NAME,
    MilpSolver.COMPOSITE_PROPERTY + "=true"})
public final class PortfolioSolver extends AbstractMilpSolver {
    static final String NAME = "portfolio";

    private final List<MilpSolver> members = new CopyOnWriteArrayList<>();

    /** For the framework: members arrive through {@link #addMember}. */
    public PortfolioSolver() {
    }

    /** Outside OSGi: a fixed set of members. */
    public PortfolioSolver(List<MilpSolver> members) {
        this.members.addAll(members);
    }

    @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policy = ReferencePolicy.DYNAMIC,
            target = "(!(" + MilpSolver.COMPOSITE_PROPERTY + "=true))", unbind = "removeMember")
    void addMember(MilpSolver solver) {
        members.add(solver);
    }

    void removeMember(MilpSolver solver) {
        members.remove(solver);
    }

    @Override
    public SolverInfo info() {
        List<String> names = racers(true).stream().map(s -> s.info().name()).toList();
        return new SolverInfo(NAME, "race of " + (names.isEmpty() ? "no MILP solver" : String.join(", ", names)), "1",
                EnumSet.of(Capability.INTEGER_VARIABLES, Capability.TIME_LIMIT, Capability.CANCELLATION),
                "returns the first certified answer (an optimum with a confirming bound, or a proof); an optimum"
                        + " without a bound is only a candidate; the winner is named in the message");
    }

    @Override
    public Availability availability() {
        return racers(true).isEmpty() ? Availability.unavailable("no available MILP solver to race")
                : Availability.yes();
    }

    /** The available members (MILP-capable ones only when {@code integers}). */
    private List<MilpSolver> racers(boolean integers) {
        List<MilpSolver> out = new ArrayList<>();
        for (MilpSolver s : members) {
            if (s.availability().isAvailable() && (!integers || s.info().supports(Capability.INTEGER_VARIABLES))) {
                out.add(s);
            }
        }
        return out;
    }

    @Override
    protected SolveResult solveChecked(MilpModel model, SolveParams params, SolveListener listener,
            CancellationToken cancellation, long startNanos) {
        List<MilpSolver> racers = racers(model.hasIntegers());
        ExecutorService threads = Executors.newThreadPerTaskExecutor(
                Thread.ofPlatform().daemon().name("tamebnn-portfolio-", 0).factory());
        ExecutorCompletionService<SolveResult> finished = new ExecutorCompletionService<>(threads);
        List<CancellationToken> tokens = new ArrayList<>();
        for (MilpSolver s : racers) {
            CancellationToken token = new CancellationToken();
            tokens.add(token);
            finished.submit(() -> s.solve(model, params, SolveListener.NONE, token));
        }
        threads.shutdown(); // no new tasks; running ones go on, and nobody waits for the losers
        try (CancellationToken.Registration stop = cancellation.onCancel(() -> tokens.forEach(
                CancellationToken::cancel))) {
            return race(model, finished, racers.size(), cancellation, startNanos);
        } finally {
            tokens.forEach(CancellationToken::cancel);
        }
    }

    private SolveResult race(MilpModel model, ExecutorCompletionService<SolveResult> finished, int count,
            CancellationToken cancellation, long startNanos) {
        List<SolveResult> results = new ArrayList<>();
        while (results.size() < count) {
            Future<SolveResult> next;
            try {
                next = finished.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancellation.cancel();
                next = null;
            }
            if (cancellation.isCancelled()) {
                return best(model, results, Limit.INTERRUPTED, "cancelled", startNanos);
            }
            if (next == null) {
                continue;
            }
            SolveResult r = outcome(next);
            results.add(r);
            if (certified(r)) {
                return r.withTermination(r.status(), r.limit(), "won by " + r.solver() + describeOthers(results, r))
                        .as(NAME, elapsed(startNanos));
            }
        }
        return best(model, results, null, "no member certified an answer", startNanos);
    }

    /** A member's result; a member that threw (a third-party plugin may) counts as an ERROR. */
    private static SolveResult outcome(Future<SolveResult> done) {
        try {
            return done.resultNow();
        } catch (IllegalStateException e) {
            Throwable why = done.exceptionNow();
            return SolveResult.error("a member", "a member failed: " + why, java.time.Duration.ZERO);
        }
    }

    /** An optimum whose bound confirms it (within 1e-6 relative), or a proof that there is none. */
    static boolean certified(SolveResult r) {
        return switch (r.status()) {
            case INFEASIBLE, UNBOUNDED, INFEASIBLE_OR_UNBOUNDED -> true;
            case OPTIMAL -> Double.isFinite(r.dualBound())
                    && Math.abs(r.objective() - r.dualBound()) <= 1e-6 * Math.max(1, Math.abs(r.objective()));
            default -> false;
        };
    }

    /**
     * The best solution among the finished members (by the model's sense), with its member's status
     * (or stopped by {@code limit} when given); without any solution, stopped by {@code limit}, by the
     * time limit when a member was, or ERROR.
     */
    private static SolveResult best(MilpModel model, List<SolveResult> results, Limit limit, String why,
            long startNanos) {
        SolveResult best = null;
        for (SolveResult r : results) {
            if (r.hasSolution() && (best == null || better(model.sense(), r.objective(), best.objective()))) {
                best = r;
            }
        }
        String summary = why + ": " + String.join("; ", results.stream()
                .map(r -> r.solver() + " " + r.label() + (r.hasSolution() ? " " + r.objective() : "")).toList());
        if (best == null) {
            Limit stop = limit != null ? limit
                    : results.stream().anyMatch(r -> r.stoppedBy(Limit.TIME)) ? Limit.TIME : null;
            String message = results.isEmpty() ? why : summary;
            return stop == null ? SolveResult.error(NAME, message, elapsed(startNanos))
                    : SolveResult.stopped(NAME, stop, "", message, Double.NaN, Double.NaN, null, -1)
                            .as(NAME, elapsed(startNanos));
        }
        String message = "best from " + best.solver() + "; " + summary;
        SolveResult kept = limit == null ? best.withTermination(best.status(), best.limit(), message)
                : best.withTermination(SolveStatus.FEASIBLE, limit, message);
        return kept.as(NAME, elapsed(startNanos));
    }

    private static boolean better(Sense sense, double a, double b) {
        return sense == Sense.MAXIMIZE ? a > b : a < b;
    }

    private static String describeOthers(List<SolveResult> results, SolveResult winner) {
        List<String> before = results.stream().filter(r -> r != winner)
                .map(r -> r.solver() + " " + r.label()).toList();
        return before.isEmpty() ? "" : " (finished before it: " + String.join(", ", before) + ")";
    }

    @Override
    public String toString() {
        return NAME;
    }
}
