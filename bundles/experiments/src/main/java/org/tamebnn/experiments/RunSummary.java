package org.tamebnn.experiments;

/**
 * What a grid run did.
 *
 * @param total cells in this shard
 * @param skipped cells recorded by earlier runs, not run again
 * @param ran cells run now
 * @param errors of those, how many failed (recorded as {@link CellResult#ERROR})
 * @param duplicates of those, how many another writer had recorded first
 * @param interrupted true when the run stopped early (the thread was interrupted)
 */
public record RunSummary(int total, int skipped, int ran, int errors, int duplicates, boolean interrupted) {

    /** True when every cell of the shard is now recorded. */
    public boolean complete() {
        return !interrupted && skipped + ran == total;
    }
}
