package org.tamebnn.experiments;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One row of the result store: a finished cell of a spec, what it produced, when, with which
 * bundle versions and on which machine.
 *
 * @param specName the spec's name
 * @param cell the cell's parameters
 * @param result status and metrics
 * @param started when the run started
 * @param finished when it finished
 * @param bundleVersions symbolic name to version of the bundles that took part
 * @param machine where it ran
 */
public record RunRecord(String specName, Cell cell, CellResult result, Instant started, Instant finished,
        Map<String, String> bundleVersions, Machine machine) {

    public RunRecord {
        Objects.requireNonNull(specName, "specName");
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(finished, "finished");
        bundleVersions = Collections.unmodifiableMap(new TreeMap<>(bundleVersions));
        Objects.requireNonNull(machine, "machine");
    }
}
