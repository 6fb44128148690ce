package org.tamebnn.solver.lpsolve;

import java.lang.foreign.MemorySegment;

/**
 * lp_solve parameters set on every model; null leaves lp_solve's own default.
 *
 * @param scaling {@code set_scaling} mode
 * @param bbRule  {@code set_bb_rule}: how branch and bound picks the variable to branch on
 */
record LpSolveSettings(Integer scaling, Integer bbRule) {

    /** lp_solve's library defaults, untouched (what {@code make_lp} sets). */
    static LpSolveSettings library() {
        return new LpSolveSettings(null, null);
    }

    /**
     * The adapter's settings: Curtis-Reid scaling and plain lowest-index branching; everything else
     * as lp_solve sets it (improve 6 = DUALFEAS + THETAGAP, epsint 1e-7, floor branch AUTOMATIC,
     * DEVEX pricing, MIP gaps 1e-11). Measured on lp_solve 5.5.2.5 (Debian 12) against lp_solve's
     * library defaults, scaling 196 (GEOMETRIC + EQUILIBRATE + INTEGERS) and bb_rule 17445
     * (PSEUDONONINTSELECT + GREEDY + DYNAMIC + RCOSTFIXING):
     * <ul>
     * <li>Scaling: with the default, and with every geometric, mean and range mode tried (4, 68,
     * 260 = GEOMETRIC + DYNUPDATE, 196 without improve, 132, 20), the kit's model with
     * coefficients from 1e-6 to 1e12 ends in NUMFAILURE; the extreme, range and mean types (1, 2,
     * 3) are worse: they return OPTIMAL 2000000 for the optimum 2000003, the 1e-6 objective term
     * lost. Curtis-Reid (7) solves both of its variants (71 and 263, with EQUILIBRATE or
     * DYNUPDATE added, measured the same everywhere, so the plain mode is used).</li>
     * <li>Branching: the default rule's greedy, dynamic, pseudo-cost and reduced-cost-fixing modes
     * cost far more than they save here. With Curtis-Reid scaling, NODE_FIRSTSELECT solves 34 of
     * 36 BNN training models (bcw, 10 to 50 points, 2 or 5 hidden neurons, optimum 0) within 5 s
     * each, where lp_solve's defaults solve 18 even with 10 s (Curtis-Reid alone: 19 in 5 s), and 9
     * of the kit's 10 MIPLIB instances within 20 s (bell5 in 7.5 s) where the defaults solve 8;
     * p0282 is beyond lp_solve's branch and bound (no cuts) in 20 s with every rule tried. Ceiling
     * or floor first instead of AUTOMATIC lost bell5 or mod008.</li>
     * <li>Pricing stays DEVEX: steepest edge solved 32 of the 36 BNN models, and Bland's rule did
     * not finish one root LP in 10 s.</li>
     * </ul>
     * No setting tried gave a false OPTIMAL on the BNN models through this API (the wrong
     * "optimal" answers reported to the project came from lp_solve's command line and were not
     * reproduced here); the adapter still checks every point it returns, and calls a MILP optimum
     * lp_solve's claim, since it reports no bound.
     */
    static LpSolveSettings defaults() {
        return new LpSolveSettings(LpConstants.SCALE_CURTISREID, LpConstants.NODE_FIRSTSELECT);
    }

    void applyTo(LpSolveFunctions f, MemorySegment lp) {
        if (scaling != null) {
            f.setScaling(lp, scaling);
        }
        if (bbRule != null) {
            f.setBbRule(lp, bbRule);
        }
    }
}
