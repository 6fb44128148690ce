package org.tamebnn.tck;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Tolerances, limits and exclusions for one solver's run of the kit, in one place. A plugin
 * overrides {@link MilpSolverConformanceTest#config()} to change them, and every exclusion needs
 * a reason, which the kit prints as the reason for the skip.
 *
 * @param absoluteTolerance    allowed absolute error in objectives and in the feasibility of returned points
 * @param relativeTolerance    allowed relative error in objectives (MIPLIB optima are given to ~1e-7)
 * @param miplibTimeLimit      time limit for each MIPLIB instance; a backend that hits it must say the time limit stopped it
 * @param excludedInstances    MIPLIB instances not to run, by name
 * @param exclusionReason      why those are excluded (printed with each skip)
 * @param knownDefects         kit tests (by method name) that the backend is known to fail, each with
 *                             the defect it shows; they are skipped and the defect is printed, so a
 *                             backend bug is documented rather than hidden or papered over
 */
public record TckConfig(double absoluteTolerance, double relativeTolerance, Duration miplibTimeLimit,
        Set<String> excludedInstances, String exclusionReason, Map<String, String> knownDefects) {

    public TckConfig {
        excludedInstances = Set.copyOf(excludedInstances);
        knownDefects = Map.copyOf(knownDefects);
    }

    public static TckConfig defaults() {
        return new TckConfig(1e-6, 1e-6, Duration.ofSeconds(20), Set.of(), "", Map.of());
    }

    public TckConfig withMiplibTimeLimit(Duration limit) {
        return new TckConfig(absoluteTolerance, relativeTolerance, limit, excludedInstances, exclusionReason,
                knownDefects);
    }

    public TckConfig excluding(Set<String> instances, String reason) {
        return new TckConfig(absoluteTolerance, relativeTolerance, miplibTimeLimit, instances, reason, knownDefects);
    }

    public TckConfig withTolerances(double absolute, double relative) {
        return new TckConfig(absolute, relative, miplibTimeLimit, excludedInstances, exclusionReason, knownDefects);
    }

    /** Declares that the backend fails kit test {@code testMethod}, and how. */
    public TckConfig withKnownDefect(String testMethod, String defect) {
        Map<String, String> defects = new java.util.HashMap<>(knownDefects);
        defects.put(testMethod, defect);
        return new TckConfig(absoluteTolerance, relativeTolerance, miplibTimeLimit, excludedInstances,
                exclusionReason, defects);
    }

    /** True when {@code actual} equals {@code expected} within the absolute or the relative tolerance. */
    public boolean close(double expected, double actual) {
        double diff = Math.abs(expected - actual);
        return diff <= absoluteTolerance || diff <= relativeTolerance * Math.max(1.0, Math.abs(expected));
    }
}
