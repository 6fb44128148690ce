package org.tamebnn.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamebnn.data.BuiltinDatasets;

/** bnn:explain after bnn:train in one session, on SCIP. */
class ExplainCommandTest {
    private final BnnCommands commands = new BnnCommands(Training.SERVICE);
    private final CommandSession session = FakeSession.withVariables();

    private String train(String weights) {
        return commands.train(session, "bcw", "", "", "median", 25, 0, 0, "5", "bdnn", weights, "step", 0, "default",
                false, 1, "pocket", "loss", "zero-one", "ortools-scip", 60, "", "exact", "", "classification", "table", "", false, "", 0);
    }

    @Test
    void theRulesOfBcwOn25PointsReproduceTheNetworkOnAll140TestRows() {
        String trained = train("real");
        assertTrue(trained.contains("ortools-scip: OPTIMAL; training loss 0"), trained);
        String out = commands.explain(session, 4, "", "bcw", "", "");
        System.out.println(out);
        assertTrue(out.startsWith("rules of the last bnn:train (9-5-1 BDNN, real weights"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("  h1 = 1 if .* ≥ .*, else 0")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("  malignant if ") && l.endsWith(", else benign")), out);
        assertTrue(BuiltinDatasets.load("bcw").featureNames().stream().anyMatch(out::contains),
                "original feature names: " + out);
        assertTrue(out.contains("check: the rules reproduce the network's predictions on all 140 test rows"), out);
    }

    @Test
    void binaryWeightsReproduceTooAndPrintAsSums() {
        String trained = train("binary");
        assertTrue(trained.contains("ortools-scip: OPTIMAL"), trained);
        String out = commands.explain(session, 4, "", "bcw", "", "");
        System.out.println(out);
        assertTrue(out.contains("check: the rules reproduce the network's predictions on all 140 test rows"), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("  h") && l.matches(".* [+−] [A-Z][a-z].*")),
                "a feature with coefficient ±1 reads as its name alone: " + out);
    }

    @Test
    void aSavedNetworkIsExplainedAndCheckedOnEveryRowOfTheData(@TempDir Path tmp) {
        Path model = tmp.resolve("bcw.json");
        commands.train(session, "bcw", "", "", "median", 25, 0, 0, "3", "bdnn", "real", "step", 0, "default", false, 1,
                "pocket", "loss", "zero-one", "ortools-scip", 60, model.toString(), "exact", "", "classification", "table", "", false, "", 0);
        String fromSession = commands.explain(session, 4, "", "bcw", "", "");
        String out = commands.explain(null, 4, model.toString(), "bcw", "", "");
        System.out.println(out);
        assertTrue(out.startsWith("rules of model " + model + " (9-3-1 BDNN"), out);
        assertTrue(out.contains("check: the rules reproduce the network's predictions on all 699 rows of "), out);
        // the same rules as for the network in the session
        String rules = fromSession.lines().skip(1).takeWhile(l -> !l.startsWith("check:")).toList().toString();
        assertEquals(rules, out.lines().skip(1).takeWhile(l -> !l.startsWith("check:")).toList().toString());
    }

    @Test
    void withoutATrainingThereIsNothingToExplain() {
        assertEquals("no network to explain: run bnn:train first in this console, or give --model FILE",
                assertThrows(CommandFailure.class, () -> commands.explain(session, 4, "", "bcw", "", "")).getMessage());
        assertEquals("no network to explain: run bnn:train first in this console, or give --model FILE",
                assertThrows(CommandFailure.class, () -> commands.explain(null, 4, "", "bcw", "", "")).getMessage());
    }

    @Test
    void digitsAreChecked() {
        train("real");
        assertEquals("--digits must be 1 to 17, got 0",
                assertThrows(CommandFailure.class, () -> commands.explain(session, 0, "", "bcw", "", "")).getMessage());
        String coarse = commands.explain(session, 1, "", "bcw", "", "");
        assertTrue(coarse.contains("as printed (1 significant digit): "), coarse);
    }
}
