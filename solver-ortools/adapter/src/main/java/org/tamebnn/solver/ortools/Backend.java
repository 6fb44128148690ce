package org.tamebnn.solver.ortools;

import static org.tamebnn.api.milp.Capability.BEST_BOUND;
import static org.tamebnn.api.milp.Capability.CANCELLATION;
import static org.tamebnn.api.milp.Capability.INTEGER_VARIABLES;
import static org.tamebnn.api.milp.Capability.LP_DUALS;
import static org.tamebnn.api.milp.Capability.MIP_START;
import static org.tamebnn.api.milp.Capability.RANDOM_SEED;
import static org.tamebnn.api.milp.Capability.RELATIVE_GAP;
import static org.tamebnn.api.milp.Capability.THREADS;
import static org.tamebnn.api.milp.Capability.TIME_LIMIT;

import java.util.EnumSet;
import java.util.Set;

import org.tamebnn.api.milp.Capability;

/**
 * The OR-Tools linear-solver backends and what each one really does through OR-Tools 9.15's
 * {@code MPSolver}. Every capability and quirk here was measured, not taken from documentation;
 * see {@link BackendNotes} for the user-facing explanation of each.
 */
enum Backend {
    SCIP("ortools-scip", "SCIP", "SCIP", EnumSet.of(INTEGER_VARIABLES, TIME_LIMIT, RELATIVE_GAP, RANDOM_SEED, MIP_START,
            BEST_BOUND, CANCELLATION)) {
        @Override
        String seedParameter(int seed) {
            return "randomization/randomseedshift = " + seed;
        }

        @Override
        String separator() {
            return "\n";
        }
    },
    CP_SAT("ortools-cpsat", "CP_SAT", "CP-SAT", EnumSet.of(INTEGER_VARIABLES, TIME_LIMIT, THREADS, RELATIVE_GAP,
            RANDOM_SEED, BEST_BOUND, CANCELLATION)) {
        @Override
        String fixedParameters() {
            // Without this, CP-SAT silently treats continuous variables it cannot scale exactly as
            // integers and calls the result optimal; with it, such models come back MODEL_INVALID.
            return "only_solve_ip:true";
        }

        @Override
        String seedParameter(int seed) {
            return "random_seed:" + seed;
        }

        @Override
        String gapParameter(double gap) {
            // OR-Tools' CP-SAT bridge ignores MPSolverParameters.RELATIVE_MIP_GAP
            return "relative_gap_limit:" + gap;
        }
    },
    HIGHS("ortools-highs", "HIGHS", "HiGHS", EnumSet.of(INTEGER_VARIABLES, TIME_LIMIT, RELATIVE_GAP, RANDOM_SEED)) {
        @Override
        String fixedParameters() {
            // OR-Tools turns HiGHS' output off only after HiGHS has printed its banner to stdout
            return "output_flag=false";
        }

        @Override
        String seedParameter(int seed) {
            return "random_seed=" + seed;
        }

        @Override
        String gapParameter(double gap) {
            // OR-Tools' HiGHS bridge ignores MPSolverParameters.RELATIVE_MIP_GAP
            return "mip_rel_gap=" + gap;
        }

        @Override
        String separator() {
            return "\n";
        }

        @Override
        boolean confirmsParameters() {
            // returns false although it passes the string on to HiGHS at solve time (a bad
            // option then ends the solve with MODEL_INVALID_SOLVER_PARAMETERS)
            return false;
        }
    },
    CBC("ortools-cbc", "CBC", "CBC", EnumSet.of(INTEGER_VARIABLES, TIME_LIMIT, RELATIVE_GAP, BEST_BOUND)),
    GLOP("ortools-glop", "GLOP", "GLOP", EnumSet.of(TIME_LIMIT, RANDOM_SEED, LP_DUALS, CANCELLATION)) {
        @Override
        String seedParameter(int seed) {
            return "random_seed:" + seed;
        }
    },
    PDLP("ortools-pdlp", "PDLP", "PDLP", EnumSet.of(TIME_LIMIT, THREADS, LP_DUALS, CANCELLATION)) {
        @Override
        String fixedParameters() {
            // With PDLP's default tolerances its "optimal" points violated rows of MIPLIB LP
            // relaxations by up to 0.019 (flugpl) and 3e-3 (p0033); at 1e-9 the worst was 1.3e-6,
            // for at most about twice the iterations.
            return "termination_criteria { simple_optimality_criteria {"
                    + " eps_optimal_absolute: 1e-9 eps_optimal_relative: 1e-9 } }";
        }
    },
    CLP("ortools-clp", "CLP", "CLP", EnumSet.of(TIME_LIMIT, LP_DUALS));

    private final String solverName;
    private final String orToolsId;
    private final String displayName;
    private final Set<Capability> capabilities;

    Backend(String solverName, String orToolsId, String displayName, Set<Capability> capabilities) {
        this.solverName = solverName;
        this.orToolsId = orToolsId;
        this.displayName = displayName;
        this.capabilities = Set.copyOf(capabilities);
    }

    /** The name users and the service registry know it by, e.g. {@code ortools-scip}. */
    String solverName() {
        return solverName;
    }

    /** The id {@code MPSolver.createSolver} takes. */
    String orToolsId() {
        return orToolsId;
    }

    String displayName() {
        return displayName;
    }

    Set<Capability> capabilities() {
        return capabilities;
    }

    boolean supports(Capability capability) {
        return capabilities.contains(capability);
    }

    boolean solvesIntegers() {
        return supports(INTEGER_VARIABLES);
    }

    /** Solver-specific parameters set on every solve, or null. */
    String fixedParameters() {
        return null;
    }

    /** The solver-specific parameter that sets the random seed, or null when there is none. */
    String seedParameter(int seed) {
        return null;
    }

    /**
     * The solver-specific parameter for a relative MIP gap, or null when the backend takes
     * {@code MPSolverParameters.RELATIVE_MIP_GAP} (SCIP and CBC do).
     */
    String gapParameter(double gap) {
        return null;
    }

    /** How several solver-specific parameters are joined into one string. */
    String separator() {
        return " ";
    }

    /** Whether {@code setSolverSpecificParametersAsString} returns whether it accepted the string. */
    boolean confirmsParameters() {
        return true;
    }

    /** MILP backends whose {@code bestBound()} is a real dual bound before optimality is proven. */
    boolean boundsBeforeOptimality() {
        return supports(BEST_BOUND);
    }

    /** Backends whose {@code nodes()} counts branch-and-bound nodes (CP-SAT always says 0). */
    boolean countsNodes() {
        return this == SCIP || this == CBC || this == HIGHS;
    }

    /**
     * COIN-OR's CBC and CLP time their limit in process CPU time (every JVM thread counts), so
     * they can stop before the wall-clock limit; as OR-Tools sets them no other limit, an
     * unfinished solve of theirs was stopped by the time limit.
     */
    boolean timesInProcessCpu() {
        return this == CBC || this == CLP;
    }

    /**
     * Backends that report a model found "infeasible or unbounded" as INFEASIBLE (SCIP, HiGHS,
     * GLOP presolve) or as an unknown status (CP-SAT presolve); their INFEASIBLE is re-checked.
     */
    boolean conflatesInfeasibleAndUnbounded() {
        return this == SCIP || this == HIGHS || this == GLOP || this == CP_SAT;
    }
}
