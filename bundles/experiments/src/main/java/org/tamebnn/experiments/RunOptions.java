package org.tamebnn.experiments;

import java.util.Map;
import java.util.TreeMap;

/**
 * How a grid is run.
 *
 * @param bundleVersions symbolic name to version of the bundles taking part, stored with each run
 * @param machine where this process runs
 * @param retryErrors run again the cells recorded as {@link CellResult#ERROR} (a new result
 *        replaces the error); otherwise they count as done
 */
public record RunOptions(Map<String, String> bundleVersions, Machine machine, boolean retryErrors) {

    public RunOptions {
        bundleVersions = Map.copyOf(new TreeMap<>(bundleVersions));
    }

    /** This machine, no bundle versions, errors not retried. */
    public static RunOptions defaults() {
        return new RunOptions(Map.of(), Machine.current(), false);
    }

    public RunOptions withBundleVersions(Map<String, String> versions) {
        return new RunOptions(versions, machine, retryErrors);
    }

    public RunOptions withRetryErrors(boolean retry) {
        return new RunOptions(bundleVersions, machine, retry);
    }
}
