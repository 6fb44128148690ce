package org.tamebnn.data;

import java.io.Serial;

/**
 * Bad input data, with a message meant to be shown to the user as it is: it names the file, the
 * 1-based line and the column where those are known, e.g.
 * {@code cells.csv:17: column 'Bare Nuclei' (7): 'abc' is not a number}.
 *
 * <p>Unchecked because the caller can do nothing with it but report it: the console prints the
 * message as the whole answer, and a stack trace would only hide it.
 */
public final class DataException extends RuntimeException {
    /** Version 1 of the serial form. */
    @Serial
    private static final long serialVersionUID = 1L;

    /** The file or data set name. */
    private final String source;
    /** The 1-based line, or 0. */
    private final int line;

    /**
     * A problem with a whole source (no particular line).
     *
     * @param source the file or data set name the problem is in
     * @param problem what is wrong, as a sentence fragment without the source
     */
    public DataException(String source, String problem) {
        this(source, 0, problem);
    }

    /**
     * A problem on one line of a source.
     *
     * @param source the file or data set name the problem is in
     * @param line the 1-based line number, or 0 when no line applies
     * @param problem what is wrong, without the source and line
     */
    public DataException(String source, int line, String problem) {
        super(format(source, line, problem));
        this.source = source;
        this.line = line;
    }

    /** The file or data set name the problem is in. */
    public String source() {
        return source;
    }

    /** The 1-based line number, or 0 when the problem is not on one line. */
    public int line() {
        return line;
    }

    private static String format(String source, int line, String problem) {
        return line > 0 ? source + ":" + line + ": " + problem : source + ": " + problem;
    }
}
