package org.tamebnn.solver.ortools;

import org.osgi.service.component.annotations.Component;
import org.tamebnn.api.milp.MilpSolver;

/** CBC through OR-Tools: a MILP solver. */
@Component(service = MilpSolver.class, property = MilpSolver.NAME_PROPERTY + "=ortools-cbc")
public final class CbcSolver extends OrToolsSolver {
    public CbcSolver() {
        super(Backend.CBC);
    }
}
