package org.tamebnn.experiments;

/**
 * The result store could not be opened, migrated, written or read. The message names the database
 * (without its password) and what failed.
 */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
