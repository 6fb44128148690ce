package org.tamebnn.console;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.milp.SolveProgress;

/**
 * Live progress of one solve on standard error: solver, elapsed time, and incumbent, bound and gap
 * where the backend reports them. On a terminal the line is redrawn in place twice a second; in a
 * log or pipe a line is written every {@value #LOG_EVERY_SECONDS} seconds, and nothing at all for
 * a solve shorter than that.
 *
 * <p>Hand-written because a solve has no known length, which progress-bar libraries need; this is
 * a status line, not a bar.
 */
final class ProgressLine implements SolveListener, AutoCloseable {
    private static final int LOG_EVERY_SECONDS = 10;

    private final String solver;
    private final PrintStream err;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private final ScheduledExecutorService ticker;
    private volatile SolveProgress last;
    private volatile String detail;
    private volatile boolean drawn;

    ProgressLine(String solver, PrintStream err, boolean terminal) {
        this.solver = solver;
        this.err = err;
        this.terminal = terminal;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tamebnn-progress");
            t.setDaemon(true);
            return t;
        });
        long period = terminal ? 500 : LOG_EVERY_SECONDS * 1000L;
        ticker.scheduleAtFixedRate(this::draw, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * The entry script tells whether standard error is a terminal ({@code tamebnn.stderr.tty});
     * Java itself can only tell for standard input and output, which are not where this goes.
     */
    static boolean stderrIsTerminal() {
        String told = System.getProperty("tamebnn.stderr.tty");
        if (told != null) {
            return Boolean.parseBoolean(told);
        }
        java.io.Console c = System.console();
        return c != null && c.isTerminal();
    }

    @Override
    public void onProgress(SolveProgress progress) {
        last = progress;
    }

    /** For what is not a solve (a dual construction's tree): the line's text after the elapsed time. */
    void onDetail(String text) {
        detail = text;
    }

    private void draw() {
        SolveProgress p = last;
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[%s] %.1f s", solver,
                elapsed.toNanos() / 1e9));
        String d = detail;
        if (d != null) {
            line.append("  ").append(d);
        } else if (p != null) {
            line.append("  incumbent ").append(Format.number(p.incumbent()));
            line.append("  bound ").append(Format.number(p.bound()));
            line.append("  gap ").append(Format.percent(p.gap()));
            if (p.nodes() >= 0) {
                line.append("  nodes ").append(p.nodes());
            }
        }
        if (terminal) {
            err.print("\r\033[2K" + line);
        } else {
            err.println(line);
        }
        err.flush();
        drawn = true;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(1, TimeUnit.SECONDS); // a draw under way finishes before the clear
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (terminal && drawn) {
            err.print("\r\033[2K");
            err.flush();
        }
    }
}
