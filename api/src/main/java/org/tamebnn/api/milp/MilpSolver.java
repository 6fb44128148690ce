package org.tamebnn.api.milp;

/**
 * The solver extension point. Every plugin registers one OSGi service per backend it offers,
 * with the service property {@value #NAME_PROPERTY} set to {@link SolverInfo#name()}.
 *
 * <p>Contract: {@link #solve} never throws for anything the model or the backend does; failures
 * come back as a {@link SolveStatus#ERROR} result with a message. Each call is independent (a
 * fresh backend instance per solve), so one service may be used from several threads unless
 * {@link SolverInfo#notes()} says otherwise.
 */
public interface MilpSolver {
    /** Service property carrying the solver's name. */
    String NAME_PROPERTY = "tamebnn.solver.name";

    /**
     * Service property marking a solver made of other solvers (a portfolio): it is not one of
     * its own members, and comparisons leave it out unless it is named.
     */
    String COMPOSITE_PROPERTY = "tamebnn.solver.composite";

    SolverInfo info();

    /** Whether this solver can run here; when not, the reason says what to install. */
    default Availability availability() {
        return Availability.yes();
    }

    SolveResult solve(MilpModel model, SolveParams params, SolveListener listener, CancellationToken cancellation);

    default SolveResult solve(MilpModel model, SolveParams params) {
        return solve(model, params, SolveListener.NONE, CancellationToken.none());
    }

    default SolveResult solve(MilpModel model) {
        return solve(model, SolveParams.defaults());
    }
}
