package org.tamebnn.solver.ortools;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import com.google.ortools.linearsolver.MPSolver;

import org.tamebnn.api.milp.AbstractMilpSolver;
import org.tamebnn.api.milp.Availability;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.Deadline;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolverInfo;
import org.tamebnn.ortools.natives.OrToolsNatives;

/**
 * A {@link org.tamebnn.api.milp.MilpSolver} over one OR-Tools linear-solver backend. The
 * components in this package ({@link ScipSolver} and friends) are this class with a backend
 * chosen; tests construct them directly.
 */
class OrToolsSolver extends AbstractMilpSolver {
    /** Per JVM: whether this OR-Tools build has each backend, asked once. */
    private static final Map<Backend, Availability> BACKENDS = new EnumMap<>(Backend.class);

    private final Backend backend;
    private final SolverInfo info;

    OrToolsSolver(Backend backend) {
        this.backend = backend;
        this.info = new SolverInfo(backend.solverName(), backend.displayName() + " via OR-Tools linear solver",
                OrToolsNatives.version(), backend.capabilities(), BackendNotes.of(backend));
    }

    @Override
    public SolverInfo info() {
        return info;
    }

    @Override
    public Availability availability() {
        Availability natives = OrToolsNatives.ensureLoaded();
        return natives.isAvailable() ? probe(backend) : natives;
    }

    private static synchronized Availability probe(Backend backend) {
        return BACKENDS.computeIfAbsent(backend, b -> {
            MPSolver solver = MPSolver.createSolver(b.orToolsId());
            if (solver == null) {
                return Availability.unavailable("OR-Tools " + OrToolsNatives.version() + " was built without "
                        + b.displayName());
            }
            solver.delete();
            return Availability.yes();
        });
    }

    @Override
    protected SolveResult solveChecked(MilpModel model, SolveParams params, SolveListener listener,
            CancellationToken cancellation, long startNanos) {
        Optional<Deadline> deadline = Deadline.of(params.timeLimit(), startNanos);
        Outcome outcome = SolveAttempt.run(backend, model, params, deadline, cancellation, true);
        ResultMapper mapper = new ResultMapper(backend, model, deadline, params.relativeGap(),
                () -> SolveAttempt.run(backend, model, params, deadline, cancellation, false));
        return mapper.map(outcome);
    }

    @Override
    public String toString() {
        return backend.solverName();
    }
}
