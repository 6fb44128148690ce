package org.tamebnn.example.glpk;

import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.tck.MilpSolverConformanceTest;

/**
 * The whole conformance kit against GLPK. Without glpsol the kit's availability check skips every
 * test, with the install hint as the reason.
 */
class GlpkConformanceTest extends MilpSolverConformanceTest {
    @Override
    protected MilpSolver solver() {
        return new GlpkSolver();
    }
}
