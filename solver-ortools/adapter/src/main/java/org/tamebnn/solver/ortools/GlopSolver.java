package org.tamebnn.solver.ortools;

import org.osgi.service.component.annotations.Component;
import org.tamebnn.api.milp.MilpSolver;

/** GLOP through OR-Tools: LPs only. */
@Component(service = MilpSolver.class, property = MilpSolver.NAME_PROPERTY + "=ortools-glop")
public final class GlopSolver extends OrToolsSolver {
    public GlopSolver() {
        super(Backend.GLOP);
    }
}
