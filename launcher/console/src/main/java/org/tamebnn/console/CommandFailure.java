package org.tamebnn.console;

/**
 * A command could not do what was asked; the message is the whole answer the user sees (one line,
 * naming what and where), never a stack trace.
 */
public class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CommandFailure(String message) {
        super(message, null, false, false);
    }
}
