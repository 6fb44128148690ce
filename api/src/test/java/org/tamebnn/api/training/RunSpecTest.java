package org.tamebnn.api.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RunSpecTest {

    @Test
    void theDefaultsHaveOneCanonicalFormAndAPinnedHash() {
        String json = RunSpec.defaults().canonicalJson();
        assertEquals("{\"data\":{\"drop\":[],\"label\":\"\",\"missing\":\"median\",\"scaling\":\"min-max\","
                + "\"source\":\"bcw\",\"task\":\"classification\"},\"format\":1,\"formulation\":{\"maxMargin\":false,"
                + "\"preset\":\"default\",\"start\":\"pocket\"},\"loss\":\"zero-one\",\"network\":{\"activation\":\"step\","
                + "\"epsilon\":0.001,\"hidden\":[5],\"variant\":\"bdnn\",\"weights\":\"real\"},\"solver\":{\"name\":\"\","
                + "\"relativeGap\":null,\"threads\":null},\"split\":{\"seed\":0,\"testFraction\":0.2,\"trainSize\":25},"
                + "\"timeLimitSeconds\":60,\"trainer\":{\"name\":\"exact\",\"options\":{}}}", json);
        // pinned: a change here means every stored experiment key changes, which needs a migration
        assertEquals("77260d1271051f1bb341ef96e2683e258b2d7ccff5cb3aaf5c3c71ffae6a4b7f", RunSpec.defaults().hash());
        assertEquals(RunSpec.defaults().hash(), RunSpec.fromTree(RunSpec.defaults().toTree(), "t").hash());
    }

    @Test
    void everyFieldChangesTheHash() {
        RunSpec d = RunSpec.defaults();
        List<RunSpec> changed = List.of(d.withSource("wdbc"), d.withSeed(1), d.withTrainSize(0),
                d.withHidden(List.of(5, 3)), d.withLoss("hinge"), d.withTrainer("exact", Map.of("x", "1")),
                d.withSolver("ortools-scip"), d.withTimeLimit(61),
                d.withFormulation(new RunSpec.Formulation("default", true, "pocket")),
                d.withFormulation(new RunSpec.Formulation("all", false, "pocket")),
                d.withFormulation(new RunSpec.Formulation("default", false, "none")),
                d.withNetwork(new RunSpec.Network(List.of(5), "bdnn", "real", "sign", 1e-3)),
                d.withNetwork(new RunSpec.Network(List.of(5), "bdnn", "real", "step", 1e-4)),
                d.withSolver(new RunSpec.SolverChoice("", 1, null)),
                d.withData(new RunSpec.Data("bcw", Task.CLASSIFICATION, "", List.of(), "drop", "min-max")),
                d.withData(new RunSpec.Data("x.csv", Task.CLASSIFICATION, "y", List.of("id"), "median", "min-max")));
        java.util.Set<String> hashes = new java.util.HashSet<>();
        hashes.add(d.hash());
        changed.forEach(s -> hashes.add(s.hash()));
        assertEquals(changed.size() + 1, hashes.size());
    }

    @Test
    void optionOrderAndWholeNumbersWrittenAsDecimalsDoNotChangeTheHash() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("a", "1");
        ab.put("b", "2");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("b", "2");
        ba.put("a", "1");
        assertEquals(RunSpec.defaults().withTrainer("local-search", ab).hash(),
                RunSpec.defaults().withTrainer("local-search", ba).hash());
        Map<String, Object> tree = new LinkedHashMap<>(RunSpec.defaults().toTree());
        tree.put("timeLimitSeconds", 60.0);
        assertEquals(RunSpec.defaults().hash(), RunSpec.fromTree(tree, "t").hash());
        assertNotEquals(RunSpec.defaults().hash(), RunSpec.defaults().withTimeLimit(60.5).hash());
    }

    @Test
    void aPartialTreeTakesTheDefaults() {
        RunSpec s = RunSpec.fromTree(Map.of("trainer", Map.of("name", "ste", "options", Map.of("epochs", 20)),
                "network", Map.of("hidden", List.of(3, 2))), "spec.json");
        assertEquals("ste", s.trainer().name());
        assertEquals(Map.of("epochs", "20"), s.trainer().options());
        assertEquals(List.of(3, 2), s.network().hidden());
        assertEquals(RunSpec.defaults().data(), s.data());
    }

    @Test
    void badTreesAreRefusedNamingTheFileAndField() {
        assertEquals("spec.json: network.hiden: unknown field; the fields here are activation, epsilon, hidden,"
                + " variant, weights", refused(Map.of("network", Map.of("hiden", List.of(5)))));
        assertEquals("spec.json: split.trainSize: expected a whole number, got 2.5",
                refused(Map.of("split", Map.of("trainSize", 2.5))));
        assertEquals("spec.json: network.variant must be bdnn or bdnn0, got 'bdnn2'",
                refused(Map.of("network", Map.of("variant", "bdnn2"))));
        assertEquals("spec.json: format: this version reads run specifications of format 1, not 2",
                refused(Map.of("format", 2)));
        assertEquals("spec.json: data: expected an object, got 'bcw'", refused(Map.of("data", "bcw")));
        assertEquals("spec.json: timeLimitSeconds must be a positive number of seconds, got -1.0",
                refused(Map.of("timeLimitSeconds", -1)));
    }

    @Test
    void pointsPerClassAreWrittenOnlyWhenUsedSoEarlierHashesStand() {
        RunSpec few = RunSpec.defaults().withPerClass(10);
        assertEquals(10, few.split().perClass());
        assertEquals(0, few.split().trainSize());
        assertTrue(few.canonicalJson().contains("\"perClass\":10"), few.canonicalJson());
        assertEquals(false, RunSpec.defaults().canonicalJson().contains("perClass"));
        assertEquals(few.hash(), RunSpec.fromTree(few.toTree(), "t").hash());
        assertEquals("spec.json: split.trainSize and split.perClass exclude each other; give one",
                refused(Map.of("split", Map.of("trainSize", 25, "perClass", 10))));
    }

    @Test
    void aMarginCapIsWrittenOnlyWhenNotTheDefault() {
        RunSpec wide = RunSpec.defaults().withFormulation(new RunSpec.Formulation("default", true, "pocket", 1000));
        assertTrue(wide.canonicalJson().contains("\"marginCap\":1000"), wide.canonicalJson());
        assertEquals(false, RunSpec.defaults().canonicalJson().contains("marginCap"));
        assertEquals(wide, RunSpec.fromTree(wide.toTree(), "t"));
        assertEquals("spec.json: formulation.marginCap must be a positive number, got 0.0",
                refused(Map.of("formulation", Map.of("marginCap", 0))));
    }

    private static String refused(Map<String, Object> tree) {
        return assertThrows(TrainingException.class, () -> RunSpec.fromTree(tree, "spec.json")).getMessage();
    }
}
