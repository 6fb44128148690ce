package org.tamebnn.solver.ortools;

import org.osgi.service.component.annotations.Component;
import org.tamebnn.api.milp.MilpSolver;

/** PDLP through OR-Tools: LPs only, first-order. */
@Component(service = MilpSolver.class, property = MilpSolver.NAME_PROPERTY + "=ortools-pdlp")
public final class PdlpSolver extends OrToolsSolver {
    public PdlpSolver() {
        super(Backend.PDLP);
    }
}
