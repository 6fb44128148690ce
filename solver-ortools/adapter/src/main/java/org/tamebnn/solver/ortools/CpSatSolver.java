package org.tamebnn.solver.ortools;

import org.osgi.service.component.annotations.Component;
import org.tamebnn.api.milp.MilpSolver;

/** CP-SAT through OR-Tools: a MILP solver for models CP-SAT can make all-integer. */
@Component(service = MilpSolver.class, property = MilpSolver.NAME_PROPERTY + "=ortools-cpsat")
public final class CpSatSolver extends OrToolsSolver {
    public CpSatSolver() {
        super(Backend.CP_SAT);
    }
}
