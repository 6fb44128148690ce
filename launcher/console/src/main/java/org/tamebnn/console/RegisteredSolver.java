package org.tamebnn.console;

import org.tamebnn.api.milp.MilpSolver;

/**
 * A solver found in the service registry, with the bundle that provides it.
 *
 * @param composite made of other solvers (see {@link MilpSolver#COMPOSITE_PROPERTY})
 */
record RegisteredSolver(String name, MilpSolver solver, String bundle, boolean composite) {
}
