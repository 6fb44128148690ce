package org.tamebnn.solver.ortools;

import com.google.ortools.linearsolver.MPSolver;

/**
 * Interrupts a running MPSolver when its solve is cancelled, and never touches it once closed
 * (the solver is deleted right after, and a call on freed native memory would crash the JVM).
 */
final class Interrupter implements AutoCloseable {
    /** Backends clear their interrupt flag when solve() starts, so one early call can be lost. */
    private static final long REPEAT_MILLIS = 20;

    private final MPSolver solver;
    private boolean closed;

    Interrupter(MPSolver solver) {
        this.solver = solver;
    }

    /** Interrupts now and again every few milliseconds until closed; returns at once. */
    void cancel() {
        Thread.ofVirtual().name("ortools-interrupt").start(() -> {
            while (interruptOnce()) {
                try {
                    Thread.sleep(REPEAT_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }

    private synchronized boolean interruptOnce() {
        if (closed) {
            return false;
        }
        solver.interruptSolve();
        return true;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }
}
