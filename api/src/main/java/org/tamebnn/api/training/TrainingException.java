package org.tamebnn.api.training;

/**
 * A run that cannot start or cannot go on, with one line saying what and where: an unknown trainer,
 * solver or loss, a malformed run specification, data that does not load, an option out of range.
 * Its message is meant for the user as it stands.
 */
public class TrainingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrainingException(String message) {
        super(message);
    }

    public TrainingException(String message, Throwable cause) {
        super(message, cause);
    }
}
