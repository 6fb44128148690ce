package org.tamebnn.solver.lpsolve;

/** The constants of lp_solve 5.5.2's {@code lp_lib.h} that this adapter uses, with their C names. */
final class LpConstants {
    // constraint types (ROWTYPE_LE, ROWTYPE_GE, ROWTYPE_EQ)
    static final int LE = 1;
    static final int GE = 2;
    static final int EQ = 3;

    // set_verbose: CRITICAL prints only messages that stop the solve (make_lp's default is NORMAL, 4)
    static final int CRITICAL = 1;

    // set_presolve: PRESOLVE_SENSDUALS has the solve compute duals
    static final int PRESOLVE_SENSDUALS = 1_048_576;

    // set_scaling: SCALE_CURTISREID, Curtis-Reid "optimal" scaling (a type, like SCALE_GEOMETRIC = 4)
    static final int SCALE_CURTISREID = 7;

    // set_bb_rule: NODE_FIRSTSELECT, branch on the lowest-indexed fractional column, no extra modes
    static final int NODE_FIRSTSELECT = 0;

    private LpConstants() {
    }
}
