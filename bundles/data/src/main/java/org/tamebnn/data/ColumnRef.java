package org.tamebnn.data;

import java.util.Objects;

/**
 * A column of a CSV file, by header name or by 0-based index, as the user wrote it
 * ({@code --label diagnosis}, {@code --label 1}).
 */
public sealed interface ColumnRef {

    /** A column by its header name (exact, case-sensitive). Needs a header line. */
    record Named(String name) implements ColumnRef {
        /** Checks the name is there. */
        public Named {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String describe() {
            return "'" + name + "'";
        }
    }

    /** A column by its 0-based position. */
    record Index(int index) implements ColumnRef {
        /** Checks the index is not negative. */
        public Index {
            if (index < 0) {
                throw new IllegalArgumentException("a column index is 0 or more, not " + index);
            }
        }

        @Override
        public String describe() {
            return String.valueOf(index);
        }
    }

    /** The reference for messages: {@code 'name'} or the index. */
    String describe();

    /** A column by name. */
    static ColumnRef named(String name) {
        return new Named(name);
    }

    /** A column by 0-based index. */
    static ColumnRef index(int index) {
        return new Index(index);
    }

    /**
     * Reads a command-line value: digits are a 0-based index, anything else a header name. (A
     * header name made only of digits must be given with {@link #named}.)
     */
    public static ColumnRef parse(String text) {
        String t = text.trim();
        if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
            try {
                return new Index(Integer.parseInt(t));
            } catch (NumberFormatException tooLong) {
                throw new IllegalArgumentException("column index " + t + " is too large");
            }
        }
        return new Named(t);
    }
}
