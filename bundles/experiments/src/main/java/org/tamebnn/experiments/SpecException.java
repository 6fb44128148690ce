package org.tamebnn.experiments;

/**
 * A spec file that cannot be used, with where and why: the file, the line and column when known,
 * the field (a path such as {@code hidden[1][0]}) and the problem, so that the message alone lets
 * a person fix the file.
 */
public final class SpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String field;
    private final String problem;

    /**
     * @param source the file (or other source) name
     * @param line 1-based line, or 0 when unknown
     * @param column 1-based column, or 0 when unknown
     * @param field the field path, or null when the problem is not about one field
     * @param problem what is wrong, in words
     */
    public SpecException(String source, int line, int column, String field, String problem) {
        super(format(source, line, column, field, problem));
        this.source = source;
        this.line = line;
        this.column = column;
        this.field = field;
        this.problem = problem;
    }

    private static String format(String source, int line, int column, String field, String problem) {
        StringBuilder b = new StringBuilder(source);
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) b.append(':').append(column);
        }
        b.append(": ");
        if (field != null) b.append(field).append(": ");
        return b.append(problem).toString();
    }

    public String source() { return source; }

    /** 1-based line, 0 when unknown. */
    public int line() { return line; }

    /** 1-based column, 0 when unknown. */
    public int column() { return column; }

    /** The field path such as {@code trainSizes[2]}, or null. */
    public String field() { return field; }

    public String problem() { return problem; }
}
