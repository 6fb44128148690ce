package org.tamebnn.solver.lpsolve;

import java.util.EnumSet;
import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Component;
import org.tamebnn.api.milp.AbstractMilpSolver;
import org.tamebnn.api.milp.Availability;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.Deadline;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolverInfo;

/**
 * lp_solve 5.5, the system's shared library called through the Foreign Function and Memory API.
 *
 * <p>The service registers whether or not the library is installed; without it,
 * {@link #availability()} says what to install and every solve is an ERROR result saying the same.
 * lp_solve reports no MILP bound, so bound and gap stay unknown (NaN); an LP optimum is its own
 * bound. One lp_solve model per solve, freed on every path.
 */
@Component(service = MilpSolver.class, property = MilpSolver.NAME_PROPERTY + "=" + LpSolveSolver.NAME)
public final class LpSolveSolver extends AbstractMilpSolver {
    static final String NAME = "lpsolve";

    private static final EnumSet<Capability> CAPABILITIES = EnumSet.of(Capability.INTEGER_VARIABLES,
            Capability.LP_DUALS, Capability.TIME_LIMIT, Capability.CANCELLATION);
    private static final String NOTES = "the system's lp_solve library (Debian: apt-get install lp-solve), through "
            + "the FFM API; no MILP bound or gap (reported as unknown), so its MILP optimum is its own claim; every "
            + "point it returns is checked against the model and one that fails is not reported; Curtis-Reid "
            + "scaling and lowest-index branching (see the README); no cutting planes, so hard binary models such "
            + "as MIPLIB's p0282 run to the time limit; one lp_solve model per solve, so concurrent solves are safe";

    private final Supplier<LpSolveLibrary> library;
    private final LpSolveSettings settings;

    /** The service: the JVM-wide library, looked up when first needed, and the default settings. */
    public LpSolveSolver() {
        this(LpSolveLibrary::shared, LpSolveSettings.defaults());
    }

    /** For tests: another library lookup or other settings, leaving the shared library alone. */
    LpSolveSolver(Supplier<LpSolveLibrary> library, LpSolveSettings settings) {
        this.library = library;
        this.settings = settings;
    }

    @Override
    public SolverInfo info() {
        return new SolverInfo(NAME, "lp_solve 5.5 (system library, via FFM)", library.get().version(), CAPABILITIES,
                NOTES);
    }

    @Override
    public Availability availability() {
        return library.get().availability();
    }

    @Override
    protected SolveResult solveChecked(MilpModel model, SolveParams params, SolveListener listener,
            CancellationToken cancellation, long startNanos) {
        Optional<Deadline> deadline = Deadline.of(params.timeLimit(), startNanos);
        SolveAttempt attempt = new SolveAttempt(library.get().functions(), settings, deadline, cancellation);
        Outcome outcome = attempt.run(model, true);
        return new OutcomeMapper(model, deadline, () -> attempt.run(model, false)).map(outcome);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
