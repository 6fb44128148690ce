package org.tamebnn.solver.ortools;

/**
 * What a user should know about each backend through OR-Tools 9.15 (SolverInfo notes). Each
 * sentence records a measured behaviour, so that nobody has to rediscover it.
 */
final class BackendNotes {
    private static final String COMMON = " Each solve builds and deletes its own MPSolver, so one service may be"
            + " used from several threads (concurrent solves were checked on every backend).";
    private static final String LP_DUALS = " Row duals are d(optimal objective)/d(row bound): >= 0 for a binding >="
            + " row when minimising and for a binding <= row when maximising.";
    private static final String RECHECK = " OR-Tools reports this backend's 'infeasible or unbounded' as"
            + " INFEASIBLE (or an unknown status), so such an answer is re-checked with a zero-objective solve:"
            + " feasible means UNBOUNDED, infeasible means INFEASIBLE, otherwise INFEASIBLE_OR_UNBOUNDED.";
    private static final String CHECKED_POINTS = " A point returned at a time limit or cancellation is returned"
            + " only if it satisfies the model (relative violation <= 1e-5).";
    private static final String CPU_CLOCK = " The time limit is counted in process CPU time (all JVM threads,"
            + " other solves included), so it can stop the solve before the wall-clock limit.";
    private static final String SEED = " The seed is used modulo 2^31-1.";

    private BackendNotes() {
    }

    static String of(Backend backend) {
        return switch (backend) {
            case SCIP -> "SCIP with SoPlex. Single-threaded: OR-Tools maps threads to SCIP's parallel/maxnthreads,"
                    + " which plain SCIPsolve ignores, so threads is not offered. OPTIMAL is within OR-Tools'"
                    + " default relative MIP gap of 1e-4. Seed: randomization/randomseedshift." + SEED
                    + " No LP duals (OR-Tools gives duals for continuous solvers only). MIP start: OR-Tools'"
                    + " solution hint, which SCIP uses as its first incumbent." + RECHECK + COMMON;
            case CP_SAT -> "CP-SAT through OR-Tools' MPSolver bridge. Real coefficients are scaled to integers"
                    + " (CP-SAT's mip_wanted_precision, 1e-6). Every variable must become integral: continuous"
                    + " variables are accepted only where CP-SAT can prove them integral or scale them exactly;"
                    + " otherwise the solve ends in ERROR (parameter only_solve_ip), because without that guard"
                    + " CP-SAT rounds them and calls the result optimal (LP min x+y, x+2y>=2, 3x+y>=3 came back"
                    + " 'OPTIMAL' 2 instead of 2.4). Uses all cores unless threads is set. Node count unknown."
                    + " Gap: relative_gap_limit; seed: random_seed." + SEED + " No MIP start: with OR-Tools' hint"
                    + " it found no solution in 0.05 s where it found one without." + RECHECK + COMMON;
            case HIGHS -> "HiGHS 1.12. At a time limit OR-Tools returns no status and no solution (unknown status"
                    + " 99), so TIME_LIMIT comes without a solution. OR-Tools ignores the thread count for HiGHS,"
                    + " cannot interrupt it, passes no dual bound (at OPTIMAL the bound reported is the objective,"
                    + " within HiGHS' mip_rel_gap of 1e-4; otherwise unknown) and returns row activities in place"
                    + " of LP duals, so none of these is offered; nor is a MIP start, which could not be seen to be"
                    + " used. Gap: mip_rel_gap; seed: random_seed." + SEED
                    + RECHECK + COMMON;
            case CBC -> "CBC 2.10 (through CbcMain). OPTIMAL is within OR-Tools' default relative MIP gap of 1e-4."
                    + CPU_CLOCK + " No threads (this CBC build has none), no seed (OR-Tools passes no CBC"
                    + " parameters), not interruptible, no LP duals; no MIP start (OR-Tools' hint is ignored by"
                    + " CBC: a good start did not survive a 0.05 s solve)." + COMMON;
            case GLOP -> "Google's simplex LP solver; LPs only. Seed: random_seed." + SEED + LP_DUALS
                    + CHECKED_POINTS + RECHECK + COMMON;
            case PDLP -> "First-order LP solver (PDHG); LPs only. Runs with optimality tolerances of 1e-9"
                    + " (absolute and relative) instead of PDLP's defaults, whose 'optimal' points violated rows"
                    + " of MIPLIB relaxations by up to 0.019; that costs up to about twice the iterations."
                    + " OR-Tools reports PDLP's unbounded (dual infeasible), iteration-limit and numerical"
                    + " terminations all as NOT_SOLVED, so those end in ERROR rather than a guessed status."
                    + LP_DUALS + COMMON;
            case CLP -> "COIN-OR CLP simplex; LPs only; no threads, not interruptible." + CPU_CLOCK
                    + " At a time limit CLP may report a primal-infeasible iterate as feasible." + CHECKED_POINTS
                    + LP_DUALS + COMMON;
        };
    }
}
