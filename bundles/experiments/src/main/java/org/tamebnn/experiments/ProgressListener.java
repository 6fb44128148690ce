package org.tamebnn.experiments;

/**
 * Hears how a grid run goes: its size, each cell as it starts, its live status, and each finished
 * cell. Counts are of this shard's cells; {@code done} includes the cells recorded by earlier runs.
 * Every method has a do-nothing default.
 */
public interface ProgressListener {

    ProgressListener NONE = new ProgressListener() {};

    /**
     * @param total the cells of this shard
     * @param alreadyDone those recorded by earlier runs, which are skipped
     */
    default void started(int total, int alreadyDone) {}

    default void cellStarted(Cell cell, int done, int total) {}

    default void cellStatus(Cell cell, String line) {}

    /**
     * @param run the record written
     * @param stored false when another writer had recorded the cell first and this run was dropped
     */
    default void cellFinished(RunRecord run, boolean stored, int done, int total) {}

    default void finished(RunSummary summary) {}
}
