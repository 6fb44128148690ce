package org.tamebnn.solver.ortools;

import org.osgi.service.component.annotations.Component;
import org.tamebnn.api.milp.MilpSolver;

/** HiGHS through OR-Tools: a MILP solver. */
@Component(service = MilpSolver.class, property = MilpSolver.NAME_PROPERTY + "=ortools-highs")
public final class HighsSolver extends OrToolsSolver {
    public HighsSolver() {
        super(Backend.HIGHS);
    }
}
