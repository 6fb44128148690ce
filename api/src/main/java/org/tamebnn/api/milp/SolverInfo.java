package org.tamebnn.api.milp;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a {@link MilpSolver} is: its name (unique in a registry, used on the command line), the
 * backend and version it wraps, and what it can do.
 *
 * @param name         short unique name, e.g. {@code ojalgo} or {@code ortools-scip}
 * @param backend      the library or program underneath, e.g. {@code SCIP via OR-Tools}
 * @param version      the backend's version
 * @param capabilities what it supports
 * @param notes        anything a user should know (thread safety, known limitations); may be empty
 */
public record SolverInfo(String name, String backend, String version, Set<Capability> capabilities, String notes) {

    public SolverInfo {
        capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
        notes = notes == null ? "" : notes;
    }

    public boolean supports(Capability capability) {
        return capabilities.contains(capability);
    }

    /** True for a MILP solver, false for an LP-only one. */
    public boolean solvesIntegerModels() {
        return supports(Capability.INTEGER_VARIABLES);
    }
}
