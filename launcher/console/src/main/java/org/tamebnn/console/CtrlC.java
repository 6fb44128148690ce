package org.tamebnn.console;

import java.io.PrintStream;

import org.apache.felix.service.command.CommandSession;
import org.jline.terminal.Terminal;
import org.tamebnn.api.milp.CancellationToken;

/**
 * Ctrl-C while a solve or a comparison runs in the console cancels that work, not the console.
 *
 * <p>Gogo's own Ctrl-C handler interrupts the command's thread and returns to the prompt at once,
 * discarding what the command would have printed; and a solver deep in native code never sees a
 * thread interrupt. So while such a command runs, Ctrl-C is taken over: it cancels the command's
 * {@link CancellationToken} (the running solver stops at its next check and keeps its incumbent),
 * the command starts nothing new, and prints what it has. Gogo's handler is put back when the
 * command ends. Commands run from the shell have no console terminal; there Ctrl-C ends the process
 * as usual.
 */
final class CtrlC implements AutoCloseable {
    /** The session variable where Gogo's JLine shell keeps its terminal. */
    static final String TERMINAL = ".terminal";

    private final CancellationToken token = new CancellationToken();
    private final Runnable restore;

    private CtrlC(CommandSession session, PrintStream err) {
        Object terminal = session == null ? null : session.get(TERMINAL);
        this.restore = terminal == null ? () -> { } : Handler.install(terminal, token, err);
    }

    /** Takes Ctrl-C over for the duration of a command; close it when the command ends. */
    static CtrlC cancels(CommandSession session, PrintStream err) {
        return new CtrlC(session, err);
    }

    CancellationToken token() {
        return token;
    }

    boolean pressed() {
        return token.isCancelled();
    }

    @Override
    public void close() {
        restore.run();
    }

    /** Kept apart so that JLine's classes are loaded only where a console terminal exists. */
    private static final class Handler {
        static Runnable install(Object terminalObject, CancellationToken token, PrintStream err) {
            if (!(terminalObject instanceof Terminal terminal)) {
                return () -> { };
            }
            Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> {
                if (!token.isCancelled()) {
                    err.println();
                    err.println("cancelling (Ctrl-C): the running solver stops at its next check; "
                            + "nothing new is started");
                    token.cancel();
                }
            });
            return () -> terminal.handle(Terminal.Signal.INT, previous);
        }
    }
}
