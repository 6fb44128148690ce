package org.tamebnn.api.mps;

import java.io.IOException;

/**
 * An MPS file that cannot be read, or a model that cannot be written, with where and why:
 * {@code p0033.mps.gz:57: BOUNDS type: unknown bound type 'XX' (expected UP, LO, ...)}.
 */
public class MpsException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String field;
    private final String problem;

    /**
     * @param source  the file name, or a description of the stream or model
     * @param line    1-based line number, 0 when the problem is not tied to a line
     * @param field   what was being read or written, e.g. {@code "RHS value"}
     * @param problem what is wrong
     */
    public MpsException(String source, int line, String field, String problem) {
        this(source, line, field, problem, null);
    }

    public MpsException(String source, int line, String field, String problem, Throwable cause) {
        super(format(source, line, field, problem), cause);
        this.source = source;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    private static String format(String source, int line, String field, String problem) {
        return source + (line > 0 ? ":" + line : "") + ": " + field + ": " + problem;
    }

    /** The file name or description of what was read or written. */
    public String source() {
        return source;
    }

    /** The 1-based line number, 0 when the problem is not tied to a line. */
    public int line() {
        return line;
    }

    /** The section or field concerned, e.g. {@code "BOUNDS type"} or {@code "column name"}. */
    public String field() {
        return field;
    }

    /** What is wrong, without the location prefix. */
    public String problem() {
        return problem;
    }
}
