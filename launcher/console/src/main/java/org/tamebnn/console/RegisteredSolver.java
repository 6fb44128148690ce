package org.tamebnn.console;

import org.tamebnn.api.milp.MilpSolver;

/** A solver found in the service registry, with the bundle that provides it. */
record RegisteredSolver(String name, MilpSolver solver, String bundle) {
}
