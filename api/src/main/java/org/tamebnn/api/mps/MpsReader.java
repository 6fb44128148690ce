package org.tamebnn.api.mps;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.tamebnn.api.milp.MilpModel;

/**
 * Reads MPS files into {@link MilpModel}s.
 *
 * <p>Sections: NAME (a missing or empty name is replaced by the file name without its extensions),
 * OBJSENSE ({@code MAX}, {@code MAXIMIZE}, {@code MIN} or {@code MINIMIZE}, on the header line or
 * the next one), OBJNAME (before ROWS), ROWS, COLUMNS (with {@code 'MARKER'} lines opening
 * {@code 'INTORG'} and closing {@code 'INTEND'} blocks of integer columns), RHS, RANGES, BOUNDS and
 * ENDATA, which is required. Lines starting with {@code *} and blank lines are skipped.
 *
 * <p>Conventions, where readers differ:
 * <ul>
 * <li>The first N row is the objective (unless OBJNAME names another); further N rows are free
 * rows and are dropped together with their entries.</li>
 * <li>A right-hand side on the objective row is the objective constant negated: {@code RHS obj 5}
 * means an offset of −5.</li>
 * <li>RANGES follow the standard table: an E row with R &gt; 0 becomes [rhs, rhs + |R|], with
 * R &lt; 0 [rhs − |R|, rhs]; an L row [rhs − |R|, rhs]; a G row [rhs, rhs + |R|].</li>
 * <li>Every variable, integer or not, has the default bounds [0, +∞). MIPLIB files always state
 * the bounds of their integer variables; some old readers defaulted integers to [0, 1].</li>
 * <li>A negative UP (or UI) bound on a variable whose lower bound no earlier BOUNDS entry set also
 * makes the lower bound −∞, as in CPLEX, Gurobi, HiGHS and SCIP.</li>
 * <li>BV, LI and UI make a variable integer; SC (semi-continuous) is rejected.</li>
 * <li>Values may be {@code inf}, {@code infinity} (any case, signed) in RHS, RANGES and BOUNDS;
 * large numbers such as {@code 1e30} are kept as they are, not taken for infinity. NaN is rejected
 * everywhere; coefficients must be finite. Fortran exponents ({@code 1.5D+02}) are read.</li>
 * <li>Only one RHS, RANGES and BOUNDS set is supported; a line may omit the set name.</li>
 * </ul>
 * Variables keep the order in which COLUMNS first names them, rows the order of ROWS. Errors of
 * any kind, the model builder's validation included, are reported as an {@link MpsException}
 * naming the source, the line and the field.
 *
 * <p>FREE format splits lines at whitespace. FIXED format does so too when that gives the fields
 * the section expects and every number parses (so overlong numbers that overrun their columns, as
 * in many MIPLIB files, are read); otherwise it cuts the line at the fixed column positions, so
 * names may contain spaces.
 */
public final class MpsReader {
    private MpsReader() {
    }

    /**
     * Reads a file as FREE MPS (which also reads nearly every fixed-format file), gzipped or not.
     *
     * @throws MpsException when the content is not valid MPS or cannot be decompressed
     * @throws IOException  when the file cannot be opened
     */
    public static MilpModel read(Path file) throws IOException {
        return read(file, MpsFormat.FREE);
    }

    /**
     * Reads a file in the given format; gzipped content is recognised by its magic bytes.
     *
     * @throws MpsException when the content is not valid MPS or cannot be decompressed
     * @throws IOException  when the file cannot be opened
     */
    public static MilpModel read(Path file, MpsFormat format) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, String.valueOf(file.getFileName()), format);
        }
    }

    /**
     * Reads MPS from a stream (gzipped or not; the stream is not closed).
     *
     * @param sourceName names the stream in error messages; its stem is the model name when the file
     *                   has no NAME
     * @throws MpsException for every problem, reading errors of the stream included
     */
    public static MilpModel read(InputStream in, String sourceName, MpsFormat format) throws IOException {
        String source = sourceName == null || sourceName.isBlank() ? "<mps>" : sourceName;
        MpsParser parser = new MpsParser(source, format);
        BufferedReader reader;
        try {
            reader = new BufferedReader(new InputStreamReader(decompressed(in), StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new MpsException(source, 1, "file", "cannot read: " + e.getMessage(), e);
        }
        try {
            return parser.parse(reader, stem(source));
        } catch (MpsException e) {
            throw e;
        } catch (IOException e) {
            // A corrupt gzip stream or a failing disk: say where reading stopped.
            throw new MpsException(source, parser.lineNumber(), "file", "cannot read: " + e.getMessage(), e);
        }
    }

    private static InputStream decompressed(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        return gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered;
    }

    /** {@code dir/p0033.mps.gz} → {@code p0033}: the name without directories, {@code .gz} and one extension. */
    static String stem(String sourceName) {
        String s = sourceName.substring(Math.max(sourceName.lastIndexOf('/'), sourceName.lastIndexOf('\\')) + 1);
        if (s.toLowerCase(java.util.Locale.ROOT).endsWith(".gz")) {
            s = s.substring(0, s.length() - 3);
        }
        int dot = s.lastIndexOf('.');
        String stem = dot > 0 ? s.substring(0, dot) : s;
        return stem.isBlank() ? "model" : stem;
    }
}
