package org.tamebnn.solver.ortools;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPSolverResponseStatus;
import com.google.ortools.linearsolver.MPVariable;

import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.Deadline;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.SolveParams;

/**
 * One MPSolver from creation to deletion. Everything read from it is copied into an
 * {@link Outcome} first, because its variables and constraints die with it.
 */
final class SolveAttempt {
    private SolveAttempt() {
    }

    /**
     * @param withObjective false for the zero-objective feasibility solve that tells infeasible
     *                      from unbounded
     */
    static Outcome run(Backend backend, MilpModel model, SolveParams params, Optional<Deadline> deadline,
            CancellationToken cancellation, boolean withObjective) {
        MPSolver solver = MPSolver.createSolver(backend.orToolsId());
        if (solver == null) {
            throw new IllegalStateException("this OR-Tools build has no " + backend.displayName() + " backend");
        }
        MPSolverParameters parameters = new MPSolverParameters();
        try {
            long translating = System.nanoTime();
            ModelTranslator.Translation t = ModelTranslator.translate(model, solver, withObjective);
            configure(backend, solver, parameters, params);
            if (withObjective) {
                hint(backend, solver, t, params, model);
            }
            Duration modelTime = Duration.ofNanos(System.nanoTime() - translating);
            deadline.ifPresent(d -> solver.setTimeLimit(d.remainingMillis()));
            MPSolverResponseStatus status;
            try (Interrupter interrupter = new Interrupter(solver::interruptSolve);
                    CancellationToken.Registration registration = backend.supports(Capability.CANCELLATION)
                            ? cancellation.onCancel(interrupter::cancel)
                            : () -> { }) {
                status = solve(solver, parameters);
            }
            boolean unfinished = status == MPSolverResponseStatus.MPSOLVER_FEASIBLE
                    || status == MPSolverResponseStatus.MPSOLVER_NOT_SOLVED;
            boolean limitReached = deadline.map(d -> d.reached() || (backend.timesInProcessCpu() && unfinished))
                    .orElse(false);
            // a backend that cannot be interrupted ran to its own end: a cancel did not stop it
            boolean stoppedByCancel = backend.supports(Capability.CANCELLATION) && cancellation.isCancelled();
            return read(backend, model, solver, t, status, limitReached, stoppedByCancel, modelTime);
        } finally {
            parameters.delete();
            solver.delete();
        }
    }

    private static void configure(Backend backend, MPSolver solver, MPSolverParameters mp, SolveParams params) {
        if (params.threads().isPresent() && backend.supports(Capability.THREADS)
                && !solver.setNumThreads(params.threads().getAsInt())) {
            throw new IllegalStateException(backend.displayName() + " refused " + params.threads().getAsInt()
                    + " threads");
        }
        List<String> specific = new ArrayList<>();
        if (backend.fixedParameters() != null) {
            specific.add(backend.fixedParameters());
        }
        if (params.seed().isPresent() && backend.supports(Capability.RANDOM_SEED)) {
            specific.add(backend.seedParameter((int) Math.floorMod(params.seed().getAsLong(), Integer.MAX_VALUE)));
        }
        if (params.relativeGap().isPresent() && backend.supports(Capability.RELATIVE_GAP)) {
            double gap = params.relativeGap().getAsDouble();
            String asParameter = backend.gapParameter(gap);
            if (asParameter == null) {
                mp.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, gap);
            } else {
                specific.add(asParameter);
            }
        }
        if (!specific.isEmpty()) {
            String joined = String.join(backend.separator(), specific);
            if (!solver.setSolverSpecificParametersAsString(joined) && backend.confirmsParameters()) {
                throw new IllegalStateException(backend.displayName() + " rejected its parameters '" + joined + "'");
            }
        }
    }

    /** Passes a MIP start on as OR-Tools' solution hint, where the backend uses it. */
    private static void hint(Backend backend, MPSolver solver, ModelTranslator.Translation t, SolveParams params,
            MilpModel model) {
        if (!backend.supports(Capability.MIP_START) || params.mipStart().isEmpty()) {
            return;
        }
        double[] start = params.mipStart().get();
        if (start.length != model.variableCount()) {
            throw new IllegalArgumentException("the MIP start has " + start.length + " values, model '" + model.name()
                    + "' has " + model.variableCount() + " variables");
        }
        List<MPVariable> vars = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int j = 0; j < start.length; j++) {
            if (!Double.isNaN(start[j])) {
                vars.add(t.variables()[j]);
                values.add(start[j]);
            }
        }
        solver.setHint(vars.toArray(MPVariable[]::new), values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static MPSolverResponseStatus solve(MPSolver solver, MPSolverParameters parameters) {
        try {
            return MPSolverResponseStatus.forNumber(solver.solve(parameters).swigValue());
        } catch (IllegalArgumentException e) {
            // The Java enum lacks statuses the native side returns (99 UNKNOWN at a HiGHS time
            // limit or after CP-SAT's "infeasible or unbounded", 85 for invalid parameters). The
            // native solve has finished by then; its response proto carries the real status.
            return solver.createSolutionResponseProto().getStatus();
        }
    }

    private static Outcome read(Backend backend, MilpModel model, MPSolver solver, ModelTranslator.Translation t,
            MPSolverResponseStatus status, boolean limitReached, boolean cancelled, Duration modelTime) {
        boolean optimal = status == MPSolverResponseStatus.MPSOLVER_OPTIMAL;
        boolean hasPoint = optimal || status == MPSolverResponseStatus.MPSOLVER_FEASIBLE;
        double objective = Double.NaN;
        double bound = Double.NaN;
        double[] values = null;
        double[] duals = null;
        if (hasPoint) {
            objective = solver.objective().value();
            if (backend.boundsBeforeOptimality()) {
                bound = finiteOrNaN(solver.objective().bestBound());
            } else if (optimal) {
                // LP backends give an infinite "bound" and HiGHS gives the objective: at a proven
                // optimum the objective is the bound, within the backend's tolerances
                bound = objective;
            }
            values = new double[t.variables().length];
            for (int j = 0; j < values.length; j++) {
                values[j] = t.variables()[j].solutionValue();
            }
        }
        if (optimal && backend.supports(Capability.LP_DUALS)) {
            duals = new double[t.rows().length];
            for (int i = 0; i < duals.length; i++) {
                duals[i] = t.rows()[i].dualValue();
            }
        }
        long nodes = backend.countsNodes() && model.hasIntegers() ? solver.nodes() : -1;
        return new Outcome(status, objective, bound, values, duals, nodes, limitReached, cancelled, modelTime);
    }

    private static double finiteOrNaN(double v) {
        return Double.isFinite(v) ? v : Double.NaN;
    }
}
