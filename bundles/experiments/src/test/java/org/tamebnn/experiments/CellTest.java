package org.tamebnn.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.tamebnn.api.training.RunSpec;

class CellTest {

    private static Cell cell(Map<String, String> options) {
        return new Cell(0, "bcw", 100, 0.2, List.of(5, 3), "bdnn", "real", "exact", "zero-one", "ojalgo", 1L, 60.0,
                options);
    }

    @Test
    void aCellIsTheRunSpecificationOfItsParameters() {
        RunSpec spec = cell(Map.of("b", "x,y", "a", "1")).runSpec();
        assertEquals("bcw", spec.data().source());
        assertEquals(new RunSpec.Split(1, 0.2, 100), spec.split());
        assertEquals(List.of(5, 3), spec.network().hidden());
        assertEquals("exact", spec.trainer().name());
        assertEquals(Map.of("a", "1", "b", "x,y"), spec.trainer().options());
        assertEquals("ojalgo", spec.solver().name());
        assertEquals(60.0, spec.timeLimitSeconds());
        // what the grid does not vary is the console's default, written out in the spec
        assertEquals(RunSpec.defaults().formulation(), spec.formulation());
        assertEquals("step", spec.network().activation());
        assertEquals("", new Cell(0, "bcw", 25, 0.2, List.of(5), "bdnn", "real", "ste", "zero-one", Cell.NO_SOLVER, 0,
                60, Map.of()).runSpec().solver().name());
    }

    @Test
    void theKeyIsTheRunSpecificationsHashAndFixedAcrossRunsAndMachines() {
        assertEquals(cell(Map.of()).runSpec().hash(), cell(Map.of()).key());
        // pinned: a changed key would make every stored grid re-run from scratch (a store migration maps old keys)
        assertEquals("cce21efabcf476356d92494385a9965c3794b40b50ac8522ab35a8a754bca611", cell(Map.of()).key());
    }

    @Test
    void theKeyIgnoresTheIndexAndTheOrderOfOptions() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("a", "1");
        ab.put("b", "2");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("b", "2");
        ba.put("a", "1");
        Cell c = cell(ab);
        Cell moved = new Cell(7, c.dataset(), c.trainSize(), c.testFraction(), c.hidden(), c.variant(), c.weights(),
                c.trainer(), c.loss(), c.solver(), c.seed(), c.timeLimitSeconds(), ba);
        assertEquals(c.key(), moved.key());
    }

    @Test
    void optionTextCannotForgeAnotherOptionMap() {
        assertNotEquals(cell(Map.of("a", "1,b=2")).key(), cell(Map.of("a", "1", "b", "2")).key());
    }

    @Test
    void everyCellOfAGridHasItsOwnKeyAndItsIndex() {
        ExperimentSpec spec = ExperimentSpecTest.parse("""
                name: g
                datasets: [bcw, wdbc]
                trainSizes: [40, 80]
                hidden: [[5], [5, 3]]
                variants: [bdnn, bdnn0]
                weights: [real, binary]
                trainers: [exact, ste, tame]
                losses: [zero-one, hinge]
                solvers: [ojalgo, highs]
                seeds: [1, 2]
                timeLimits: [10, 60]
                """);
        List<Cell> cells = spec.cells();
        // per (dataset, size, hidden, variant, weights): exact and tame x 2 solvers, ste x 1; x losses, seeds, limits
        assertEquals(2 * 2 * 2 * 2 * 2 * (2 + 1 + 2) * 2 * 2 * 2, cells.size());
        assertEquals(cells.size(), cells.stream().map(Cell::key).distinct().count());
        assertEquals(IntStream.range(0, cells.size()).boxed().toList(), cells.stream().map(Cell::index).toList());
        assertTrue(cells.stream().filter(c -> c.trainer().equals("ste")).allMatch(c -> !c.usesSolver()));
        assertTrue(cells.stream().filter(c -> !c.trainer().equals("ste")).allMatch(Cell::usesSolver));
        // the enumeration is the same every time: same keys in the same order
        assertEquals(cells.stream().map(Cell::key).toList(), spec.cells().stream().map(Cell::key).toList());
        // the last dimension varies fastest
        assertEquals(10.0, cells.get(0).timeLimitSeconds());
        assertEquals(60.0, cells.get(1).timeLimitSeconds());
    }

    @Test
    void aLabelForProgressLines() {
        assertEquals("bcw n=100 [5,3] bdnn/real exact/ojalgo zero-one seed=1 t=60s", cell(Map.of()).label());
    }
}
