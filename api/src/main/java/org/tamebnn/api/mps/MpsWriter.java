package org.tamebnn.api.mps;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.Row;
import org.tamebnn.api.milp.Sense;
import org.tamebnn.api.milp.Variable;

/**
 * Writes {@link MilpModel}s as MPS so that {@link MpsReader} reads back an identical model: same
 * names and order, bounds, types, coefficients, objective, constant and sense (free rows and a few
 * ranged rows excepted, see below). Numbers are written as the shortest decimal that parses back
 * to the same double; a negative zero comes back as zero.
 *
 * <p>What is written, and why:
 * <ul>
 * <li>{@code OBJSENSE} / {@code MAX} when maximising; nothing when minimising, the default.</li>
 * <li>Equality, ≤ and ≥ rows as E, L and G; a row with no finite side as an N row, which readers
 * (this one included) drop as a free row.</li>
 * <li>A row with two different finite sides as an L or E row with a RANGES entry. A reader derives
 * one side as {@code rhs ± |R|}, so the layout is chosen to make that exact. For a few rows no MPS
 * file can (the width is coarser than both sides, e.g. [−343.9301125685777, 909.8896880852297]);
 * then one side reads back one unit in the last place off. This is the only inexact case.</li>
 * <li>Integer variables between {@code 'INTORG'} / {@code 'INTEND'} markers. A variable with no
 * coefficient anywhere gets an explicit 0 objective entry, so that it is still declared.</li>
 * <li>The objective constant as the negated right-hand side of the objective row.</li>
 * <li>The shortest bound encoding: BV for binaries, FR, FX, MI and LO/UP; an integer variable
 * with no upper bound gets an explicit PL, because readers disagree on integers' default upper
 * bound.</li>
 * <li>If a row has the objective's name, the objective row gets a fresh name
 * ({@code obj_1}, …), since MPS row names share one name space.</li>
 * </ul>
 * FIXED format is written only when every row and variable name has at most 8 characters; numbers
 * that need more than 12 characters to be exact overrun their columns, as in many files in the
 * wild, and are still separated by a space. No format can express names containing whitespace.
 */
public final class MpsWriter {
    private static final String RHS_SET = "RHS";
    private static final String RANGE_SET = "RNG";
    private static final String BOUND_SET = "BND";

    private MpsWriter() {
    }

    /** Writes FREE MPS to a file, gzipped when its name ends with {@code .gz}. */
    public static void write(MilpModel model, Path file) throws IOException {
        write(model, file, MpsFormat.FREE);
    }

    /** Writes MPS in the given format to a file, gzipped when its name ends with {@code .gz}. */
    public static void write(MilpModel model, Path file, MpsFormat format) throws IOException {
        String source = String.valueOf(file.getFileName());
        checkNames(model, format, source); // before creating the file, so a refusal leaves nothing behind
        OutputStream stream = Files.newOutputStream(file);
        if (source.toLowerCase(Locale.ROOT).endsWith(".gz")) {
            stream = new GZIPOutputStream(stream, 1 << 16);
        }
        try (Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16)) {
            writeChecked(model, out, source);
        }
    }

    /** Writes MPS in the given format; the writer is flushed, not closed. */
    public static void write(MilpModel model, Writer out, MpsFormat format) throws IOException {
        String source = "model '" + model.name() + "'";
        checkNames(model, format, source);
        writeChecked(model, out, source);
        out.flush();
    }

    private static void writeChecked(MilpModel model, Writer out, String source) throws IOException {
        MpsLineBuilder line = new MpsLineBuilder(out);
        String objective = objectiveName(model);
        RowForm[] forms = new RowForm[model.rowCount()];
        for (int i = 0; i < forms.length; i++) {
            forms[i] = RowForm.of(model.row(i), source);
        }
        line.raw("NAME          " + model.name());
        if (model.sense() == Sense.MAXIMIZE) {
            line.raw("OBJSENSE");
            line.raw("    MAX");
        }
        line.raw("ROWS");
        line.start().text(1, "N").text(2, objective).end();
        for (int i = 0; i < forms.length; i++) {
            line.start().text(1, String.valueOf(forms[i].type())).text(2, model.row(i).name()).end();
        }
        MpsColumnsWriter.write(model, objective, line);
        writeRhs(model, objective, forms, line);
        writeRanges(model, forms, line);
        writeBounds(model, line);
        line.raw("ENDATA");
    }

    private static void writeRhs(MilpModel model, String objective, RowForm[] forms, MpsLineBuilder line)
            throws IOException {
        PairedLines pairs = new PairedLines(line, "RHS", RHS_SET);
        if (model.objectiveOffset() != 0) {
            pairs.add(objective, -model.objectiveOffset());
        }
        for (int i = 0; i < forms.length; i++) {
            if (forms[i].type() != 'N' && forms[i].rhs() != 0) {
                pairs.add(model.row(i).name(), forms[i].rhs());
            }
        }
        pairs.finish();
    }

    private static void writeRanges(MilpModel model, RowForm[] forms, MpsLineBuilder line) throws IOException {
        PairedLines pairs = new PairedLines(line, "RANGES", RANGE_SET);
        for (int i = 0; i < forms.length; i++) {
            if (forms[i].isRanged()) {
                pairs.add(model.row(i).name(), forms[i].range());
            }
        }
        pairs.finish();
    }

    private static void writeBounds(MilpModel model, MpsLineBuilder line) throws IOException {
        boolean header = false;
        for (Variable v : model.variables()) {
            double lo = v.lower();
            double hi = v.upper();
            boolean integer = v.isInteger();
            if (lo == 0 && hi == Double.POSITIVE_INFINITY && !integer) {
                continue; // the default
            }
            if (!header) {
                line.raw("BOUNDS");
                header = true;
            }
            if (v.isBinary()) {
                bound(line, "BV", v.name());
            } else if (lo == Double.NEGATIVE_INFINITY && hi == Double.POSITIVE_INFINITY) {
                bound(line, "FR", v.name());
            } else if (lo == hi) {
                bound(line, "FX", v.name()).number(4, lo).end();
            } else {
                if (lo == Double.NEGATIVE_INFINITY) {
                    bound(line, "MI", v.name());
                } else if (lo != 0) {
                    bound(line, "LO", v.name()).number(4, lo).end();
                }
                if (hi != Double.POSITIVE_INFINITY) {
                    bound(line, "UP", v.name()).number(4, hi).end();
                } else if (integer) {
                    bound(line, "PL", v.name());
                }
            }
        }
    }

    /** Starts a BOUNDS line; types without a value are ended here, the others by the caller. */
    private static MpsLineBuilder bound(MpsLineBuilder line, String type, String column) throws IOException {
        line.start().text(1, type).text(2, BOUND_SET).text(3, column);
        if (MpsLineSplitter.isValueless(type)) {
            line.end();
        }
        return line;
    }

    /** The objective row's name, renamed when a constraint row has the same name. */
    static String objectiveName(MilpModel model) {
        String base = model.objectiveName();
        String name = base;
        for (int k = 1; model.rowIndex(name).isPresent(); k++) {
            name = base + "_" + k;
        }
        return name;
    }

    private static void checkNames(MilpModel model, MpsFormat format, String source) throws MpsException {
        if (model.name().indexOf('\n') >= 0 || model.name().indexOf('\r') >= 0) {
            throw new MpsException(source, 0, "model name", "'" + model.name() + "' contains a line break");
        }
        checkName(objectiveName(model), "objective name", format, source);
        for (Row r : model.rows()) {
            checkName(r.name(), "row name", format, source);
        }
        for (Variable v : model.variables()) {
            checkName(v.name(), "column name", format, source);
        }
    }

    private static void checkName(String name, String field, MpsFormat format, String source) throws MpsException {
        for (int k = 0; k < name.length(); k++) {
            if (Character.isWhitespace(name.charAt(k))) {
                throw new MpsException(source, 0, field, "'" + name + "' contains whitespace, which "
                        + format + " MPS as written here cannot express; rename it");
            }
        }
        if (format == MpsFormat.FIXED && name.length() > 8) {
            throw new MpsException(source, 0, field, "'" + name + "' is longer than 8 characters, the FIXED"
                    + " format's limit; write FREE MPS instead");
        }
    }

    /** Writes (name, value) entries two to a line under a header written only if there are any. */
    static final class PairedLines {
        private final MpsLineBuilder line;
        private final String header;
        private final String first;
        private boolean started;
        private boolean half;

        /** @param first the text of field 2 on every line: a set or column name */
        PairedLines(MpsLineBuilder line, String header, String first) {
            this.line = line;
            this.header = header;
            this.first = first;
        }

        void add(String name, double value) throws IOException {
            if (!started && header != null) {
                line.raw(header);
            }
            started = true;
            if (half) {
                line.text(5, name).number(6, value).end();
            } else {
                line.start().text(2, first).text(3, name).number(4, value);
            }
            half = !half;
        }

        void finish() throws IOException {
            if (half) {
                line.end();
                half = false;
            }
        }
    }
}
