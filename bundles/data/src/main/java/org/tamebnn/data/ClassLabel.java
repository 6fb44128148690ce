package org.tamebnn.data;

import java.util.Objects;

/**
 * One class as the data spelled it, with a readable name where one is known.
 *
 * @param original the label exactly as in the file (trimmed), e.g. {@code "4"} or {@code "M"}
 * @param name a readable name, e.g. {@code "malignant"}; equal to {@code original} when none is known
 */
public record ClassLabel(String original, String name) {

    /** Checks that both spellings are present. */
    public ClassLabel {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(name, "name");
    }

    /** A class known only by its original spelling. */
    public static ClassLabel of(String original) {
        return new ClassLabel(original, original);
    }

    /** The label for people: {@code "4 (malignant)"}, or just {@code "yes"} when no name is known. */
    public String display() {
        return name.equals(original) ? original : original + " (" + name + ")";
    }

    @Override
    public String toString() {
        return display();
    }
}
