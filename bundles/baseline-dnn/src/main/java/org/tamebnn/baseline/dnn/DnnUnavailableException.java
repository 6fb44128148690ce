package org.tamebnn.baseline.dnn;

/** The DNN baseline cannot run here; the message says what is missing and how to install it. */
public final class DnnUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DnnUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
