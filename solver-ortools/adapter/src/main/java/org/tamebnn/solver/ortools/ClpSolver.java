package org.tamebnn.solver.ortools;

import org.osgi.service.component.annotations.Component;
import org.tamebnn.api.milp.MilpSolver;

/** CLP through OR-Tools: LPs only. */
@Component(service = MilpSolver.class, property = MilpSolver.NAME_PROPERTY + "=ortools-clp")
public final class ClpSolver extends OrToolsSolver {
    public ClpSolver() {
        super(Backend.CLP);
    }
}
