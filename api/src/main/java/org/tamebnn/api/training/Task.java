package org.tamebnn.api.training;

import java.util.Locale;

/** What a network is trained to do, which decides its output layer and how it is scored. */
public enum Task {
    /** Class labels: binary output neurons, scored by accuracy, precision, recall and F1. */
    CLASSIFICATION,
    /** Real targets: an identity output layer, scored by MAE, RMSE and R² in the target's units. */
    REGRESSION;

    /** The name used on the command line and in run specifications. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The task called {@code name} ({@code classification} or {@code regression}). */
    public static Task parse(String name) {
        for (Task t : values()) {
            if (t.cliName().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("task must be classification or regression, got '" + name + "'");
    }
}
