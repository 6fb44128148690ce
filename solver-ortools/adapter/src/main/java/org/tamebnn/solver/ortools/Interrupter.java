package org.tamebnn.solver.ortools;

/**
 * Interrupts a running native solve when it is cancelled, and never touches the solver once closed
 * (the solver is freed right after, and a call on freed native memory would crash the JVM).
 */
final class Interrupter implements AutoCloseable {
    /**
     * Backends clear their interrupt flag when the solve starts (SCIP also at each restart), so one
     * early call can be lost.
     */
    private static final long REPEAT_MILLIS = 20;

    private final Runnable interrupt;
    private boolean closed;

    /** @param interrupt asks the solver to stop; safe to call from another thread while it solves */
    Interrupter(Runnable interrupt) {
        this.interrupt = interrupt;
    }

    /** Interrupts now and again every few milliseconds until closed; returns at once. */
    void cancel() {
        Thread.ofVirtual().name("solver-interrupt").start(() -> {
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
        interrupt.run();
        return true;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }
}
