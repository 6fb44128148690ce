package org.tamebnn.losses;

import org.tamebnn.api.loss.OutputKind;

/** The checks every loss makes on what it is given, with messages that name the loss and the place. */
final class Targets {

    private Targets() {
    }

    /** Throws unless {@code target} is 0 or 1. */
    static void requireBinary(String loss, double target, String where) {
        if (target != 0.0 && target != 1.0) {
            throw new IllegalArgumentException("the " + loss + " loss needs a 0/1 target; " + where + " has " + target);
        }
    }

    /** Throws unless {@code target} is a finite number. */
    static void requireFinite(String loss, double target, String where) {
        if (!Double.isFinite(target)) {
            throw new IllegalArgumentException("the " + loss + " loss needs a finite target; " + where + " has " + target);
        }
    }

    /** Throws unless {@code kind} is {@code expected}, saying what the loss needs instead. */
    static void requireKind(String loss, OutputKind kind, OutputKind expected, String where, String hint) {
        if (kind != expected) {
            throw new IllegalArgumentException("the " + loss + " loss needs " + expected + " outputs; " + where + " is "
                    + kind + (hint.isEmpty() ? "" : " (" + hint + ")"));
        }
    }
}
