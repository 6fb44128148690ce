package org.tamebnn.api.mps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tamebnn.api.mps.MpsTesting.assertSameModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tamebnn.api.milp.MilpModel;

/**
 * Reads the MIPLIB 3 instances the solver TCK ships (tests run in the api module's directory) in
 * both formats, checks their sizes against the MIPLIB catalogue, and round-trips each one.
 */
class MiplibFilesReadTest {
    private static final Path MIPLIB = Path.of("../data/miplib/");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // instance, rows (objective excluded), columns, integers, non-zeros (objective excluded)
        "p0033,   16,  33,  33,   98",
        "p0201,  133, 201, 201, 1923",
        "p0282,  241, 282, 282, 1966",
        "stein27, 118, 27,  27,  378",
        "enigma,  21, 100, 100,  289",
        "flugpl,  18,  18,  11,   46",
        "egout,   98, 141,  55,  282",
        "lseu,    28,  89,  89,  309",
        "mod008,   6, 319, 319, 1243",
        "bell5,   91, 104,  58,  266"})
    void readsAndRoundTrips(String instance, int rows, int columns, int integers, long nonZeros,
            @TempDir Path dir) throws IOException {
        Path file = MIPLIB.resolve(instance + ".mps.gz");
        MilpModel model = MpsReader.read(file);
        assertEquals(instance.toUpperCase(java.util.Locale.ROOT), model.name());
        assertEquals(rows, model.rowCount(), "rows");
        assertEquals(columns, model.variableCount(), "columns");
        assertEquals(integers, model.integerCount(), "integers");
        assertEquals(nonZeros, model.nonZeroCount(), "non-zeros");

        assertSameModel(model, MpsReader.read(file, MpsFormat.FIXED));
        for (MpsFormat format : MpsFormat.values()) {
            assertSameModel(model, MpsTesting.read(MpsTesting.write(model, format), format));
        }
        Path copy = dir.resolve(instance + ".mps.gz");
        MpsWriter.write(model, copy);
        assertSameModel(model, MpsReader.read(copy));
    }

    @Test
    void everyShippedInstanceIsCovered() throws IOException {
        List<String> shipped;
        try (Stream<Path> files = Files.list(MIPLIB)) {
            shipped = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".mps.gz"))
                    .map(n -> n.substring(0, n.length() - ".mps.gz".length())).sorted().toList();
        }
        assertEquals(List.of("bell5", "egout", "enigma", "flugpl", "lseu", "mod008", "p0033", "p0201", "p0282",
                "stein27"), shipped, "add new instances to readsAndRoundTrips");
        assertTrue(Files.isDirectory(MIPLIB));
    }
}
