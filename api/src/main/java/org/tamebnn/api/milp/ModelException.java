package org.tamebnn.api.milp;

/** A model that cannot be built as asked; the message names what is wrong and where. */
public class ModelException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ModelException(String message) {
        super(message);
    }
}
