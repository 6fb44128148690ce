package org.tamebnn.example.glpk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The solution and log parsers on real glpsol output (see the resources' PROVENANCE.md). */
class GlpsolOutputTest {

    /** A captured file's lines. */
    static List<String> lines(String resource) {
        var in = GlpsolOutputTest.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("test resource " + resource + " is missing");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
            return r.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GlpkSolution solution(String resource) throws IOException {
        return GlpkSolution.parse(lines(resource));
    }

    @Test
    void lpOptimumWithRowDuals() throws IOException {
        GlpkSolution s = solution("lp-optimal.sol");
        assertFalse(s.mip());
        assertEquals('f', s.status());
        assertEquals('f', s.dual());
        assertEquals(2, s.rows());
        assertEquals(9, s.objective());
        assertArrayEquals(new double[] {3, 1}, s.columns());
        assertArrayEquals(new double[] {3, -1}, s.rowDuals());
    }

    @Test
    void lpStatusesOfUnboundedAndInfeasibleModels() throws IOException {
        GlpkSolution unbounded = solution("lp-unbounded.sol");
        assertEquals('f', unbounded.status());
        assertEquals('n', unbounded.dual());
        assertEquals('n', solution("lp-infeasible.sol").status());
    }

    @Test
    void mipSolutions() throws IOException {
        GlpkSolution optimal = solution("mip-optimal.sol");
        assertTrue(optimal.mip());
        assertEquals('o', optimal.status());
        assertNull(optimal.rowDuals());
        assertArrayEquals(new double[] {1, 1, 0}, optimal.columns());

        GlpkSolution stopped = solution("mip-time-limit.sol");
        assertEquals('f', stopped.status());
        assertEquals(5, stopped.rows());
        assertEquals(50, stopped.columns().length);
        assertEquals(15, stopped.objective());

        assertEquals('n', solution("mip-infeasible.sol").status());
        assertEquals('u', solution("mip-unbounded-relaxation.sol").status());
    }

    @Test
    void aTruncatedOrMalformedFileIsRefusedWithTheLine() throws IOException {
        List<String> full = lines("mip-time-limit.sol");
        IOException truncated = assertThrows(IOException.class, () -> GlpkSolution.parse(full.subList(0, 20)));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());

        List<String> missingRow = new ArrayList<>(full);
        missingRow.removeIf(l -> l.startsWith("i 3 "));
        IOException counted = assertThrows(IOException.class, () -> GlpkSolution.parse(missingRow));
        assertTrue(counted.getMessage().contains("4 row and 50 column lines"), counted.getMessage());

        List<String> garbled = new ArrayList<>(full);
        garbled.replaceAll(l -> l.equals("j 1 0") ? "j 1 zero" : l);
        IOException number = assertThrows(IOException.class, () -> GlpkSolution.parse(garbled));
        assertTrue(number.getMessage().contains("'zero' is not a finite number"), number.getMessage());
    }

    @Test
    void logOfATimeLimitHasTheLastBound() {
        GlpsolLog log = GlpsolLog.parse(lines("mip-time-limit.log"));
        assertTrue(log.timeLimit());
        assertFalse(log.gapReached());
        assertEquals(0, log.bound());
        assertTrue(log.last().endsWith("TIME LIMIT EXCEEDED; SEARCH TERMINATED"), log.last());
    }

    @Test
    void logOfAFinishedSearchHasNoBound() {
        GlpsolLog log = GlpsolLog.parse(lines("mip-optimal.log"));
        assertFalse(log.timeLimit());
        assertTrue(Double.isNaN(log.bound()), "tree is empty: " + log.bound());
    }

    @Test
    void logOfAGapStopAndOfAnUnboundedRelaxation() {
        GlpsolLog gap = GlpsolLog.parse(lines("mip-gap.log"));
        assertTrue(gap.gapReached());
        assertEquals(7355, gap.bound());
        assertTrue(GlpsolLog.parse(lines("mip-unbounded-relaxation.log")).noDualFeasible());
    }
}
