package org.tamebnn.experiments;

/**
 * Runs one cell: loads its dataset, trains with its trainer, loss and solver within its time
 * limit, and measures. Implemented by the console (which knows the trainers and solvers); an
 * exception is recorded as an {@link CellResult#ERROR} result with its message and the grid goes
 * on. An {@link Error} stops the whole run, as a killed process would.
 */
@FunctionalInterface
public interface CellExecutor {

    /**
     * @param cell the parameters
     * @param status where to report live status while running (incumbent, bound, gap, epoch ...)
     * @return status and metrics
     * @throws InterruptedException when the run was interrupted: the grid stops, nothing is recorded
     * @throws Exception the cell failed; it is recorded as {@code ERROR} with the message
     */
    CellResult execute(Cell cell, LiveStatus status) throws Exception;

    /** Receives one line of live status from the running cell. */
    @FunctionalInterface
    interface LiveStatus {
        void update(String line);

        LiveStatus NONE = line -> {};
    }
}
