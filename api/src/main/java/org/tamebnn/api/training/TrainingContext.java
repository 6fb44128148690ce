package org.tamebnn.api.training;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.tamebnn.api.dual.DualConstructor;
import org.tamebnn.api.milp.MilpSolver;

/**
 * What else is installed, for a trainer that uses more than its request's solver (the tame
 * trainer's dual construction and LP backend). Looked up when asked, so it sees plugins as they are.
 */
@ProviderType
public interface TrainingContext {
    /** The installed solver called {@code name}, or a failure listing what is installed. */
    MilpSolver requireSolver(String name);

    /** The installed dual-function construction called {@code name}, or a failure listing them. */
    DualConstructor requireDual(String name);

    /** The installed solvers' names. */
    List<String> solverNames();
}
