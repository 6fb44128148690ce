package org.tamebnn.solver.lpsolve;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.Deadline;
import org.tamebnn.api.milp.MilpModel;

/** One lp_solve run of a model, from translation to the copied-out {@link Outcome}. */
final class SolveAttempt {
    private final LpSolveFunctions functions;
    private final LpSolveSettings settings;
    private final Optional<Deadline> deadline;
    private final CancellationToken cancellation;

    SolveAttempt(LpSolveFunctions functions, LpSolveSettings settings, Optional<Deadline> deadline,
            CancellationToken cancellation) {
        this.functions = functions;
        this.settings = settings;
        this.deadline = deadline;
        this.cancellation = cancellation;
    }

    /**
     * @param withObjective false for the zero-objective feasibility solve that tells infeasible
     *                      from unbounded
     */
    Outcome run(MilpModel model, boolean withObjective) {
        boolean lp = !model.hasIntegers();
        boolean withDuals = withObjective && lp;
        long translating = System.nanoTime();
        try (LpProblem problem = LpProblem.of(functions, model, settings, withObjective, withDuals)) {
            Duration modelTime = Duration.ofNanos(System.nanoTime() - translating);
            if (deadline.map(Deadline::expired).orElse(false)) {
                return new Outcome(SolveCode.TIMEOUT.code(), null, null, -1, true, cancellation.isCancelled(),
                        modelTime);
            }
            AtomicBoolean abort = new AtomicBoolean();
            int code;
            try (CancellationToken.Registration r = cancellation.onCancel(() -> abort.set(true))) {
                code = problem.solve(deadline, abort);
            }
            boolean limitReached = deadline.map(Deadline::expired).orElse(false);
            SolveCode c = SolveCode.of(code);
            boolean mayHavePoint = c == SolveCode.OPTIMAL || c == SolveCode.SUBOPTIMAL || c == SolveCode.PRESOLVED
                    || c == SolveCode.TIMEOUT || c == SolveCode.USERABORT;
            double[] values = mayHavePoint ? problem.values() : null;
            double[] duals = withDuals && c == SolveCode.OPTIMAL ? problem.rowDuals() : null;
            long nodes = lp ? -1 : problem.nodes();
            return new Outcome(code, values, duals, nodes, limitReached, abort.get(), modelTime);
        }
    }
}
