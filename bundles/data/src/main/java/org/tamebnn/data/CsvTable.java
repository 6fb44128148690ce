package org.tamebnn.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of a CSV text as trimmed strings, each with the 1-based line it starts on. Blank lines
 * are skipped; quoted fields may span lines.
 */
record CsvTable(List<Row> rows) {

    /** One record of the file. */
    record Row(String[] cells, int line) {
    }

    /**
     * Parses CSV text with commons-csv.
     *
     * @param source names the file in error messages
     * @throws DataException if the text is not valid CSV (an unclosed quote, say)
     */
    static CsvTable parse(String text, char delimiter, String source) {
        // a byte-order mark (spreadsheets write one) would otherwise stick to the first header name
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int[] lineStarts = lineStarts(body);
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setTrim(true)
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true)
                .get();
        var rows = new ArrayList<Row>();
        try (CSVParser parser = CSVParser.parse(body, format)) {
            for (CSVRecord record : parser) {
                String[] cells = record.values();
                if (cells.length == 1 && cells[0].isEmpty()) {
                    continue; // a line of spaces only: as blank as an empty line
                }
                rows.add(new Row(cells, lineOf(lineStarts, firstVisible(body, record.getCharacterPosition()))));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new DataException(source, "not valid CSV: " + reason(e));
        }
        return new CsvTable(List.copyOf(rows));
    }

    /** Offsets at which lines start: 0 and one past each line break (\n, \r\n or a lone \r). */
    private static int[] lineStarts(String text) {
        var starts = new ArrayList<Integer>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * A record's position is where the parser started looking for it, which is before any blank
     * lines it skipped; its own line is the one of its first visible character. (Skipping white
     * space never crosses into another record: records hold something visible.)
     */
    private static long firstVisible(String text, long position) {
        int i = (int) position;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int lineOf(int[] lineStarts, long offset) {
        int found = Arrays.binarySearch(lineStarts, (int) offset);
        // binarySearch gives -(insertion point)-1 when the offset is inside a line
        return found >= 0 ? found + 1 : -found - 1;
    }

    private static String reason(Exception e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
