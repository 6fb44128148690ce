package org.tamebnn.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentSpecTest {

    private static final String GOOD = """
            name: small
            datasets: [bcw]
            trainSizes: [40, 80]
            hidden: [[5], [5, 3]]
            trainers: [exact, ste]
            losses: [zero-one]
            solvers: [ojalgo, highs]
            seeds: [1, 2]
            timeLimits: [30]
            """;

    static String example() throws IOException {
        try (InputStream in = ExperimentSpecTest.class.getResourceAsStream("/specs/example.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theShippedExampleParses() throws IOException {
        ExperimentSpec spec = ExperimentSpec.parse(example(), "example.yaml", null, NEEDS_SOLVER);
        assertEquals("bcw-example", spec.name());
        assertEquals(List.of(List.of(5), List.of(5, 3)), spec.hidden());
        assertEquals(Map.of("ste", Map.of("epochs", "30")), spec.trainerOptions());
        // 1 dataset x 2 sizes x 2 architectures x (exact/ojalgo + ste) x 3 seeds x 1 limit
        assertEquals(2 * 2 * 2 * 3, spec.cells().size());
    }

    @Test
    void aFewShotGridDrawsPointsPerClass() {
        ExperimentSpec spec = parse(GOOD.replace("datasets: [bcw]", "datasets: [mnist]")
                .replace("trainSizes: [40, 80]", "perClass: [1, 10]").replace("hidden: [[5], [5, 3]]", "hidden: [[]]")
                + "weights: [ternary, 'integer:3']\n");
        assertEquals(List.of(1, 10), spec.perClass());
        assertEquals(List.of("ternary", "integer:3"), spec.weights());
        // 2 sizes x 2 weights x (exact on 2 solvers + ste) x 2 seeds
        assertEquals(2 * 2 * 3 * 2, spec.cells().size());
        Cell last = spec.cells().get(spec.cells().size() - 1);
        assertEquals(10, last.perClass());
        assertEquals(10, last.runSpec().split().perClass());
        assertEquals(0, last.runSpec().split().trainSize());
        assertEquals("integer:3", last.runSpec().network().weights());
        assertTrue(last.label().startsWith("mnist n=10/class "), last.label());
        SpecException both = bad(GOOD + "perClass: [10]\n");
        assertEquals("perClass", both.field());
        assertTrue(both.getMessage().endsWith("give trainSizes (points in all) or perClass (points of each class),"
                + " not both"), both.getMessage());
        assertEquals("weights[0]", bad(GOOD + "weights: ['integer:0']\n").field());
    }

    /** The specs the README tells people to run, from the repository's specs/ folder. */
    @Test
    void everyShippedSpecParses() throws IOException {
        Path specs = Path.of("../../specs");
        List<Path> files;
        try (var list = Files.list(specs)) {
            files = list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 5, files::toString);
        for (Path f : files) {
            ExperimentSpec spec = ExperimentSpec.load(f, NEEDS_SOLVER);
            assertFalse(spec.cells().isEmpty(), f::toString);
        }
        ExperimentSpec bemi = ExperimentSpec.load(specs.resolve("bemi-mnist-few-shot.yaml"), NEEDS_SOLVER);
        assertEquals(List.of(10, 40), bemi.perClass());
        assertEquals(List.of(), bemi.cells().get(0).hidden());
    }

    @Test
    void defaultsFillTheOptionalKeys() {
        ExperimentSpec spec = parse(GOOD);
        assertEquals(0.2, spec.testFraction());
        assertEquals(List.of("bdnn"), spec.variants());
        assertEquals(List.of("real"), spec.weights());
        assertEquals(Map.of(), spec.trainerOptions());
    }

    @Test
    void jsonWithTheSameKeysGivesTheSameSpec() {
        String json = """
                {"name": "small", "datasets": ["bcw"], "trainSizes": [40, 80], "hidden": [[5], [5, 3]],
                 "trainers": ["exact", "ste"], "losses": ["zero-one"], "solvers": ["ojalgo", "highs"],
                 "seeds": [1, 2], "timeLimits": [30]}
                """;
        assertEquals(parse(GOOD), ExperimentSpec.parse(json, "small.json", null, NEEDS_SOLVER));
    }

    @Test
    void aSingleValueIsAListOfOne() {
        ExperimentSpec spec = parse(GOOD.replace("seeds: [1, 2]", "seeds: 7").replace("hidden: [[5], [5, 3]]", "hidden: [4]"));
        assertEquals(List.of(7L), spec.seeds());
        assertEquals(List.of(List.of(4)), spec.hidden());
    }

    @Test
    void solversMayBeOmittedWhenNoTrainerUsesOne() {
        ExperimentSpec spec = parse(GOOD.replace("trainers: [exact, ste]", "trainers: [ste, dnn]").replace("solvers: [ojalgo, highs]\n", ""));
        assertTrue(spec.cells().stream().allMatch(c -> c.solver().equals(Cell.NO_SOLVER)));
    }

    @Test
    void loadNamesTheFileAndResolvesCsvDatasetsAgainstIt(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("mine.csv"), "a,b,label\n1,2,0\n");
        Path file = dir.resolve("grid.yaml");
        Files.writeString(file, GOOD.replace("datasets: [bcw]", "datasets: [bcw, mine.csv]"));
        ExperimentSpec spec = ExperimentSpec.load(file, NEEDS_SOLVER);
        assertEquals(List.of("bcw", "mine.csv"), spec.datasets());
        // kept as written: the training service resolves it against the spec's folder when the cell runs
        assertEquals("mine.csv", spec.cells().getLast().runSpec().data().source());

        Files.writeString(file, GOOD.replace("datasets: [bcw]", "datasets: [bcw, missing.csv]"));
        SpecException e = assertThrows(SpecException.class, () -> ExperimentSpec.load(file, NEEDS_SOLVER));
        assertTrue(e.getMessage().startsWith(file + ":2:"), e.getMessage());
        assertTrue(e.getMessage().contains("datasets[1]: 'missing.csv' is neither a built-in dataset"), e.getMessage());
    }

    @Test
    void anUnreadableFileIsNamed(@TempDir Path dir) {
        SpecException e = assertThrows(SpecException.class, () -> ExperimentSpec.load(dir.resolve("nope.yaml"), NEEDS_SOLVER));
        assertTrue(e.getMessage().contains("nope.yaml: cannot read the file"), e.getMessage());
    }

    // --- every kind of bad input names the file, the line, the field and the problem

    @Test
    void unknownKeyWithSuggestion() {
        SpecException e = bad(GOOD.replace("trainSizes:", "trainsizes:"));
        assertEquals(3, e.line());
        assertEquals("spec.yaml:3:1: unknown key 'trainsizes' (did you mean 'trainSizes'?); the keys are name, datasets, "
                + "trainSizes, perClass, testFraction, hidden, variants, weights, trainers, losses, solvers, seeds, timeLimits, "
                + "trainerOptions", e.getMessage());
    }

    @Test
    void emptyList() {
        SpecException e = bad(GOOD.replace("seeds: [1, 2]", "seeds: []"));
        assertEquals("seeds", e.field());
        assertEquals(8, e.line());
        assertTrue(e.getMessage().endsWith("seeds: empty list: give at least one value"), e.getMessage());
    }

    @Test
    void negativeTrainSize() {
        SpecException e = bad(GOOD.replace("trainSizes: [40, 80]", "trainSizes: [40, -80]"));
        assertEquals("trainSizes[1]", e.field());
        assertEquals("spec.yaml:3:18: trainSizes[1]: must be a positive whole number, got -80", e.getMessage());
    }

    @Test
    void textWhereANumberBelongs() {
        SpecException e = bad(GOOD.replace("timeLimits: [30]", "timeLimits: [30s]"));
        assertEquals("timeLimits[0]", e.field());
        assertTrue(e.problem().contains("expected a number, got a text '30s'"), e.problem());
    }

    @Test
    void zeroWidthInANestedList() {
        SpecException e = bad(GOOD.replace("hidden: [[5], [5, 3]]", "hidden: [[5], [5, 0]]"));
        assertEquals("hidden[1][1]", e.field());
        assertEquals(4, e.line());
    }

    @Test
    void aMappingWhereAListBelongs() {
        SpecException e = bad(GOOD.replace("losses: [zero-one]", "losses: {zero-one: 1}"));
        assertEquals("losses", e.field());
        assertTrue(e.problem().contains("expected a list, got a mapping"));
    }

    @Test
    void valueListedTwice() {
        SpecException e = bad(GOOD.replace("seeds: [1, 2]", "seeds: [1, 2, 1]"));
        assertEquals("seeds[2]", e.field());
        assertTrue(e.problem().contains("'1' is listed twice"));
    }

    @Test
    void keyGivenTwice() {
        SpecException e = bad(GOOD + "seeds: [3]\n");
        assertEquals("seeds", e.field());
        assertEquals(10, e.line());
        assertTrue(e.problem().contains("given twice"));
    }

    @Test
    void missingKey() {
        SpecException e = bad(GOOD.replace("timeLimits: [30]\n", ""));
        assertTrue(e.getMessage().endsWith("missing key 'timeLimits'"), e.getMessage());
    }

    @Test
    void solversMissingWhileATrainerNeedsOne() {
        SpecException e = bad(GOOD.replace("solvers: [ojalgo, highs]\n", ""));
        assertTrue(e.getMessage().endsWith("missing key 'solvers'"), e.getMessage());
    }

    @Test
    void unknownVariant() {
        SpecException e = bad(GOOD + "variants: [bdnn, bdnn1]\n");
        assertEquals("variants[1]", e.field());
        assertTrue(e.problem().contains("'bdnn1' is not one of bdnn, bdnn0"));
    }

    @Test
    void testFractionOutOfRange() {
        SpecException e = bad(GOOD + "testFraction: 1.5\n");
        assertEquals("testFraction", e.field());
        assertTrue(e.problem().contains("strictly between 0 and 1"));
    }

    @Test
    void optionsForATrainerNotInTheGrid() {
        SpecException e = bad(GOOD + "trainerOptions:\n  tame: {steps: 3}\n");
        assertEquals("trainerOptions.tame", e.field());
        assertEquals(11, e.line());
        assertTrue(e.problem().contains("not in trainers (exact, ste)"));
    }

    @Test
    void aNestedOptionValue() {
        SpecException e = bad(GOOD + "trainerOptions:\n  ste: {epochs: [1, 2]}\n");
        assertEquals("trainerOptions.ste.epochs", e.field());
    }

    @Test
    void notAName() {
        SpecException e = bad(GOOD.replace("trainers: [exact, ste]", "trainers: [exact, 'my trainer']"));
        assertEquals("trainers[1]", e.field());
    }

    @Test
    void brokenYaml() {
        SpecException e = bad(GOOD.replace("hidden: [[5], [5, 3]]", "hidden: [[5], [5, 3]"));
        assertTrue(e.line() > 0);
        assertTrue(e.problem().startsWith("not valid YAML: "), e.problem());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void brokenJson() {
        SpecException e = bad("{\"name\": \"x\",\n \"seeds\": [1,]\n}");
        assertEquals(2, e.line());
        assertTrue(e.problem().startsWith("not valid JSON: "), e.problem());
    }

    @Test
    void notAMapping() {
        SpecException e = bad("- a\n- b\n");
        assertTrue(e.problem().contains("a spec is a mapping"), e.problem());
    }

    @Test
    void nameTooLongForTheStore() {
        SpecException e = bad(GOOD.replace("name: small", "name: " + "x".repeat(201)));
        assertEquals("spec.yaml:1:7: name: longer than 200 characters", e.getMessage());
    }

    @Test
    void emptyFile() {
        assertEquals("spec.yaml: the file is empty", bad("").getMessage());
    }

    @Test
    void requireKnownNamesWhatIsMissing() {
        ExperimentSpec spec = parse(GOOD);
        spec.requireKnown("solvers", Set.of("ojalgo", "highs", "cbc"));
        SpecException e = assertThrows(SpecException.class, () -> spec.requireKnown("solvers", Set.of("ojalgo", "cbc")));
        assertEquals("small: solvers: unknown name highs; available: cbc, ojalgo", e.getMessage());
    }

    /** Which trainers run a solver, as the shipped trainers say (the console asks the installed ones). */
    static final Predicate<String> NEEDS_SOLVER = t -> !Set.of("ste", "dnn").contains(t);

    static ExperimentSpec parse(String text) {
        return ExperimentSpec.parse(text, "spec.yaml", null, NEEDS_SOLVER);
    }

    @Test
    void randomDataAndAllTrainingPointsAreNamed() {
        ExperimentSpec spec = ExperimentSpec.parse(GOOD.replace("datasets: [bcw]", "datasets: [random, 'random:dimension=4,points=60']")
                .replace("trainSizes: [40, 80]", "trainSizes: [20, all]"), "spec.yaml", null, NEEDS_SOLVER);
        assertEquals(List.of("random", "random:dimension=4,points=60"), spec.datasets());
        assertEquals(List.of(20, ExperimentSpec.ALL_TRAINING_POINTS), spec.trainSizes());
        assertTrue(spec.cells().stream().anyMatch(c -> c.label().contains("n=all")));

        SpecException e = bad(GOOD.replace("datasets: [bcw]", "datasets: ['random:dims=4']"));
        assertTrue(e.getMessage().contains("datasets[0]: 'random:dims=4': random data takes random:dimension=D,points=N"),
                e.getMessage());
        e = bad(GOOD.replace("datasets: [bcw]", "datasets: ['random:points=2']"));
        assertTrue(e.getMessage().contains("points must be a whole number of at least 3"), e.getMessage());
        e = bad(GOOD.replace("trainSizes: [40, 80]", "trainSizes: [most]"));
        assertTrue(e.getMessage().contains("trainSizes[0]: expected a number of training points or 'all'"), e.getMessage());
    }

    private static SpecException bad(String text) {
        return assertThrows(SpecException.class, () -> parse(text));
    }
}
