package org.tamebnn.solver.ortools;

import org.osgi.service.component.annotations.Component;
import org.tamebnn.api.milp.MilpSolver;

/** SCIP through OR-Tools: a MILP solver. */
@Component(service = MilpSolver.class, property = MilpSolver.NAME_PROPERTY + "=ortools-scip")
public final class ScipSolver extends OrToolsSolver {
    public ScipSolver() {
        super(Backend.SCIP);
    }
}
