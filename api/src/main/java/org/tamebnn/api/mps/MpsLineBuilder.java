package org.tamebnn.api.mps;

import java.io.IOException;
import java.io.Writer;

/**
 * Lays out one data line with its fields at the fixed-format columns (names left-aligned at
 * columns 2, 5, 15 and 40, numbers right-aligned to end at columns 36 and 61). A field that does
 * not fit pushes the rest of the line right, always after a space, so the line still splits
 * correctly at whitespace. Used for both formats: in FREE files it is merely tidy.
 */
final class MpsLineBuilder {
    /** 0-based start of fields 1–6. */
    private static final int[] START = {1, 4, 14, 24, 39, 49};

    private final Writer out;
    private final StringBuilder line = new StringBuilder(80);

    MpsLineBuilder(Writer out) {
        this.out = out;
    }

    /** A section header or other line written as is. */
    void raw(String text) throws IOException {
        out.write(text);
        out.write('\n');
    }

    /** Starts a new line (the previous one must have been ended). */
    MpsLineBuilder start() {
        line.setLength(0);
        return this;
    }

    /** Puts text left-aligned in field 1, 2, 3 or 5. */
    MpsLineBuilder text(int field, String text) {
        moveTo(START[field - 1]);
        line.append(text);
        return this;
    }

    /** Puts a number right-aligned in field 4 or 6, exactly (see {@link MpsNumbers#format}). */
    MpsLineBuilder number(int field, double value) {
        String s = MpsNumbers.format(value);
        int end = START[field - 1] + 12;
        moveTo(Math.max(START[field - 1], end - s.length()));
        line.append(s);
        return this;
    }

    void end() throws IOException {
        line.append('\n');
        out.append(line);
    }

    private void moveTo(int column) {
        if (line.length() < column) {
            line.repeat(' ', column - line.length());
        } else {
            line.append(' ');
        }
    }
}
