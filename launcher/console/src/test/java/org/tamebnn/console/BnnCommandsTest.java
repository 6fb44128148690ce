package org.tamebnn.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** bnn:train and bnn:compare as plain objects, on a small CSV file and the pure-Java solver. */
class BnnCommandsTest {
    private final BnnCommands commands = new BnnCommands(Training.SERVICE);
    private Path csv;

    @TempDir
    Path tmp;

    @BeforeEach
    void setUp() throws Exception {
        // two well separated groups, 20 points: any network with a hidden neuron can fit them
        StringBuilder sb = new StringBuilder("id,a,b,kind\n");
        for (int i = 0; i < 20; i++) {
            boolean pos = i % 2 == 0;
            sb.append(i).append(',').append(pos ? 8 + i % 3 : 1 + i % 3).append(',')
                    .append(pos ? 9 - i % 2 : 2 + i % 2).append(',').append(pos ? "yes" : "no").append('\n');
        }
        csv = Files.writeString(tmp.resolve("groups.csv"), sb.toString());
    }

    /**
     * bnn:train --task regression on a CSV file whose target is a step in a (two levels): one hidden
     * neuron fits it exactly, and the report gives MAE/RMSE/R² instead of accuracy.
     */
    @Test
    void trainsARegressionNetworkAndReportsErrors() throws Exception {
        StringBuilder sb = new StringBuilder("id,a,y\n");
        for (int i = 0; i < 12; i++) {
            sb.append(i).append(',').append(i).append(',').append(i < 6 ? "10" : "14").append('\n');
        }
        Path file = Files.writeString(tmp.resolve("step.csv"), sb.toString());
        String out = commands.train(null, file.toString(), "y", "id", "median", 0, 0, 0, "1", "bdnn", "real", "step", 0,
                "default", false, 1, "pocket", "loss", "absolute", "ojalgo", 60, "", "exact", "", "regression", "table", "", false, "", 0);
        assertTrue(out.contains("identity output"), out);
        assertTrue(out.contains("OPTIMAL_UNCONFIRMED; training loss 0"), out);
        assertTrue(out.contains("MAE") && out.contains("RMSE") && !out.contains("accuracy"), out);
        assertTrue(out.contains("target 'y' min–max scaled"), out);
        assertEquals("loss 'zero-one' scores classes; --task regression needs a loss on real outputs: absolute or squared",
                assertThrows(CommandFailure.class, () -> commands.train(null, file.toString(), "y", "id", "median", 0, 0, 0,
                        "1", "bdnn", "real", "step", 0, "default", false, 1, "pocket", "loss", "zero-one", "ojalgo", 60, "", "exact", "",
                        "regression", "table", "", false, "", 0)).getMessage());
        Path bad = Files.writeString(tmp.resolve("bad.csv"), "a,y\n1,2\n2,x\n");
        assertEquals(bad + ":3: column 'y' (index 1): the regression target 'x' is not a number",
                assertThrows(CommandFailure.class, () -> commands.train(null, bad.toString(), "y", "", "median", 0, 0, 0,
                        "1", "bdnn", "real", "step", 0, "default", false, 1, "pocket", "loss", "absolute", "ojalgo", 60, "", "exact", "",
                        "regression", "table", "", false, "", 0)).getMessage());
    }

    private String train(String data, String hidden, String variant, String solver) {
        return commands.train(null, data, "kind", "id", "median", 0, 0, 0, hidden, variant, "real", "step", 0, "default", false, 1,
                "pocket", "loss", "zero-one", solver, 60, "", "exact", "", "classification", "table", "", false, "", 0);
    }

    @Test
    void trainsAndReportsTrainAndTestMetrics() {
        String out = train(csv.toString(), "2", "bdnn", "ojalgo");
        assertTrue(out.contains("ojalgo: OPTIMAL_UNCONFIRMED; training loss 0"), out);
        assertTrue(out.contains("start: pocket start: loss 0, feasible"), out);
        assertTrue(out.contains("check: consistent"), out);
        assertTrue(out.lines().anyMatch(l -> l.contains("train") && l.contains("100.0%")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("| test")), out);
    }

    @Test
    void jsonGivesTheTypedOutcomeAndItsSpecRunsAgainFromAFile() throws Exception {
        String json = commands.train(null, csv.toString(), "kind", "id", "median", 0, 0, 0, "2", "bdnn", "real", "step", 0,
                "default", false, 1, "pocket", "loss", "zero-one", "ojalgo", 60, "", "exact", "", "classification", "json", "", false, "", 0);
        JsonNode o = new ObjectMapper().readTree(json);
        assertEquals("OPTIMAL_UNCONFIRMED", o.at("/termination/label").asText(), json);
        assertEquals(0, o.at("/trainingLoss").asDouble());
        assertEquals(16, o.at("/train/points").asInt());
        assertEquals(4, o.at("/test/points").asInt());
        assertEquals("ojalgo", o.at("/spec/solver/name").asText());

        // the spec a command would run, printed, saved and run again, is the same run
        String printed = commands.train(null, csv.toString(), "kind", "id", "median", 0, 0, 0, "2", "bdnn", "real", "step",
                0, "default", false, 1, "pocket", "loss", "zero-one", "ojalgo", 60, "", "exact", "", "classification", "table", "",
                true, "", 0);
        Path specFile = Files.writeString(tmp.resolve("run.json"), printed);
        String again = commands.train(null, "ignored", "", "", "median", 25, 0, 7, "9", "bdnn0", "binary", "sign", 0,
                "paper", true, 1, "none", "loss", "hinge", "", 1, "", "ste", "", "classification", "json", specFile.toString(), false, "", 0);
        assertEquals(o.at("/specHash").asText(), new ObjectMapper().readTree(again).at("/specHash").asText());
        assertEquals(o.at("/test/accuracy").asDouble(), new ObjectMapper().readTree(again).at("/test/accuracy").asDouble());

        Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"network\": {\"hiden\": [5]}}");
        assertEquals("bad.json: network.hiden: unknown field; the fields here are activation, epsilon, hidden, variant,"
                + " weights", assertThrows(CommandFailure.class, () -> commands.train(null, "bcw", "", "", "median", 25, 0,
                        0, "5", "bdnn", "real", "step", 0, "default", false, 1, "pocket", "loss", "zero-one", "", 60, "", "exact",
                        "", "classification", "table", bad.toString(), false, "", 0)).getMessage());
        assertEquals("--format must be table, json or csv, got 'xml'", assertThrows(CommandFailure.class,
                () -> commands.train(null, "bcw", "", "", "median", 25, 0, 0, "5", "bdnn", "real", "step", 0, "default",
                        false, 1, "pocket", "loss", "zero-one", "", 60, "", "exact", "", "classification", "xml", "", false, "", 0))
                .getMessage());
    }

    @Test
    void fewShotMnistTrainsOnNImagesPerDigitAndTestsOnTheRest() {
        String out = commands.train(null, "mnist", "", "", "median", 25, 3, 0, "8", "bdnn", "real", "step", 0,
                "default", false, 1, "pocket", "loss", "zero-one", "", 60, "", "ste", "epochs=5", "classification", "table", "",
                false, "", 0);
        assertTrue(out.startsWith("30 training / 9970 test rows (seed 0, 3 per class, every other row for testing)"),
                out);
        assertTrue(out.contains("network 784-8-10 BDNN"), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("| test ") && l.contains(" 9970 ")), out);
    }

    /** The anchors' weights and objectives from the console: ternary weights, loss then margin, each stage reported. */
    @Test
    void ternaryWeightsAndLexicographicObjectives() {
        String out = commands.train(null, csv.toString(), "kind", "id", "median", 0, 0, 0, "0", "bdnn", "ternary", "step", 0,
                "default", false, 10, "pocket", "loss,margin", "zero-one", "ortools-scip", 60, "", "exact", "",
                "classification", "table", "", false, "", 0);
        assertTrue(out.contains("integer weights {−1..1}"), out);
        assertTrue(out.contains("stages loss > margin"), out);
        assertTrue(out.contains("margin OPTIMAL δ="), out);
        assertEquals("--objectives must start with loss and name each objective once, got [margin]",
                assertThrows(CommandFailure.class, () -> commands.train(null, csv.toString(), "kind", "id", "median", 0,
                        0, 0, "0", "bdnn", "real", "step", 0, "default", false, 1, "pocket", "margin", "zero-one",
                        "ortools-scip", 60, "", "exact", "", "classification", "table", "", false, "", 0)).getMessage());
        assertEquals("--weights must be real, binary, ternary or integer:P (P from 1 to 999), got 'integer:0'",
                assertThrows(CommandFailure.class, () -> commands.train(null, csv.toString(), "kind", "id", "median", 0,
                        0, 0, "0", "bdnn", "integer:0", "step", 0, "default", false, 1, "pocket", "loss", "zero-one",
                        "ortools-scip", 60, "", "exact", "", "classification", "table", "", false, "", 0)).getMessage());
    }

    @Test
    void csvGivesOneRowPerRun() {
        String out = commands.compare(null, csv.toString(), "kind", "id", "median", 0, 0, 0, "2", "bdnn", "real", "step", 0,
                "default", false, 1, "pocket", "loss", "zero-one", "ojalgo,ortools-scip", 60, "exact", "", "", "csv", "", false, "", 0);
        List<String> lines = out.lines().toList();
        assertEquals(3, lines.size(), out);
        assertTrue(lines.get(0).startsWith("run,trainer,solver,status,"), out);
        assertTrue(lines.get(1).startsWith("ojalgo,exact,ojalgo,OPTIMAL_UNCONFIRMED,"), out);
        assertTrue(lines.get(2).startsWith("ortools-scip,exact,ortools-scip,OPTIMAL,"), out);
    }

    @Test
    void compareGivesOneRowPerMilpSolver() {
        String out = commands.compare(null, csv.toString(), "kind", "id", "median", 0, 0, 0, "2", "bdnn", "real", "step", 0,
                "paper", false, 1, "pocket", "loss", "zero-one", "", 60, "exact", "", "", "table", "", false, "", 0);
        assertTrue(out.lines().anyMatch(l -> l.contains("ojalgo") && l.contains("OPTIMAL")), out);
    }

    /**
     * --start FILE.json: a saved network (here the STE's) of the same shape starts the solve; another
     * shape is refused in one line.
     */
    @Test
    void aSavedNetworkStartsTheExactTrainer() {
        Path model = tmp.resolve("start.json");
        commands.train(null, csv.toString(), "kind", "id", "median", 0, 0, 0, "2", "bdnn", "real", "step", 0, "default",
                false, 1, "pocket", "loss", "zero-one", "", 60, model.toString(), "ste", "", "classification",
                "table", "", false, "", 0);
        String out = commands.train(null, csv.toString(), "kind", "id", "median", 0, 0, 0, "2", "bdnn", "real", "step", 0,
                "default", false, 1, model.toString(), "loss", "zero-one", "ortools-scip", 60, "", "exact", "",
                "classification", "table", "", false, "", 0);
        assertTrue(out.contains("start: start.json start: loss 0, feasible"), out);
        assertTrue(out.contains("OPTIMAL; training loss 0"), out);
        String other = commands.train(null, csv.toString(), "kind", "id", "median", 0, 0, 0, "3", "bdnn", "real", "step",
                0, "default", false, 1, model.toString(), "loss", "zero-one", "ortools-scip", 60, "", "exact", "",
                "classification", "table", "", false, "", 0);
        assertTrue(other.contains("exact: the start start.json is a 2-2-1 BDNN, real weights, ε=0.001 network; this run"
                + " trains 2-3-1 BDNN, real weights, ε=0.001"), other);
        assertEquals("no such file: missing.json", assertThrows(CommandFailure.class, () -> commands.train(null,
                csv.toString(), "kind", "id", "median", 0, 0, 0, "2", "bdnn", "real", "step", 0, "default", false, 1,
                "missing.json", "loss", "zero-one", "ortools-scip", 60, "", "exact", "", "classification", "table", "",
                false, "", 0)).getMessage());
    }

    @Test
    void aSavedNetworkPredictsAsItDidWhenTrained() throws Exception {
        Path model = tmp.resolve("groups-model.json");
        String out = commands.train(null, csv.toString(), "kind", "id", "median", 0, 0, 0, "2", "bdnn", "real", "sign", 0,
                "default", false, 1, "pocket", "loss", "zero-one", "ojalgo", 60, model.toString(), "exact", "", "classification", "table", "", false, "", 0);
        assertTrue(out.contains("saved to " + model), out);
        assertTrue(Files.readString(model).contains("\"hiddenActivation\""), "the activation is part of the spec");
        assertTrue(Files.readString(model).contains("\"runSpec\""), "the run specification travels with the network");
        // read as its training data was: its label and dropped columns come from its run specification
        String byItsSpec = commands.predict(null, model.toString(), csv.toString(), "", "");
        assertTrue(byItsSpec.lines().anyMatch(l -> l.startsWith("| all") && l.contains("100.0%")), byItsSpec);
        Path swapped = Files.writeString(tmp.resolve("swapped.csv"), "id,b,a,kind\n1,9,9,yes\n2,2,1,no\n");
        assertEquals(swapped + ": feature 1 is 'b', but the model was trained with 'a' there (its features: a, b)",
                assertThrows(CommandFailure.class, () -> commands.predict(null, model.toString(), swapped.toString(),
                        "kind", "id")).getMessage());
        // the whole file again: the 16 training rows fit with loss 0; the 4 test rows are as separable
        String predicted = commands.predict(null, model.toString(), csv.toString(), "kind", "id");
        assertTrue(predicted.contains("20 rows") && predicted.contains("sign activation"), predicted);
        assertTrue(predicted.lines().anyMatch(l -> l.startsWith("| all") && l.contains("100.0%")), predicted);

        // new cases of one class only are classified too (training needs two classes; prediction does not)
        Path onlyYes = Files.writeString(tmp.resolve("only-yes.csv"), "id,a,b,kind\n1,9,9,yes\n2,8,9,yes\n");
        String single = commands.predict(null, model.toString(), onlyYes.toString(), "kind", "id");
        assertTrue(single.contains("2 rows"), single);

        Path other = Files.writeString(tmp.resolve("other.csv"), "id,a,b,kind\n1,2,3,yes\n2,2,3,maybe\n");
        String msg = assertThrows(CommandFailure.class,
                () -> commands.predict(null, model.toString(), other.toString(), "kind", "id")).getMessage();
        assertTrue(msg.contains("other.csv:3") && msg.contains("'maybe'"), msg);
        Path junk = Files.writeString(tmp.resolve("junk.json"), "{ not json");
        assertTrue(assertThrows(CommandFailure.class,
                () -> commands.predict(null, junk.toString(), csv.toString(), "kind", "id")).getMessage()
                .startsWith("junk.json: not a tamebnn model file"));
    }

    @Test
    void badOptionsAreOneLineFailures() {
        assertEquals("--hidden takes layer widths like 5 or 5,3; got 'x'",
                assertThrows(CommandFailure.class, () -> train(csv.toString(), "x", "bdnn", "ojalgo")).getMessage());
        assertEquals("--variant must be one of [bdnn, bdnn0], got 'bnn'",
                assertThrows(CommandFailure.class, () -> train(csv.toString(), "2", "bnn", "ojalgo")).getMessage());
        assertTrue(assertThrows(CommandFailure.class, () -> train(csv.toString(), "2", "bdnn", "gurobi"))
                .getMessage().startsWith("no solver named 'gurobi'"));
        assertEquals("--epsilon must be positive, got -1.0", assertThrows(CommandFailure.class,
                () -> commands.train(null, csv.toString(), "kind", "id", "median", 0, 0, 0, "2", "bdnn", "real", "step", -1,
                        "default", false, 1, "pocket", "loss", "zero-one", "ojalgo", 60, "", "exact", "", "classification", "table", "", false, "", 0)).getMessage());
        assertTrue(assertThrows(CommandFailure.class,
                () -> commands.train(null, csv.toString(), "kind", "id", "median", 0, 0, 0, "2", "bdnn", "real", "step", 0,
                        "default", false, 1, "pocket", "loss", "zero-one", "ojalgo", 0.0001, "", "exact", "", "classification", "table", "", false, "", 0)).getMessage()
                .startsWith("--time-limit must be a number of seconds"));
        assertEquals("--activation: activation 'relu': expected step, sign or VALUES@BREAKPOINTS (e.g. -1,0,1@-0.5,0.5)",
                assertThrows(CommandFailure.class, () -> commands.train(null, csv.toString(), "kind", "id", "median", 0, 0,
                        0, "2", "bdnn", "real", "relu", 0, "default", false, 1, "pocket", "loss", "zero-one", "ojalgo", 60, "", "exact", "", "classification", "table", "", false, "", 0)).getMessage());
        assertEquals("no such file: nope.csv",
                assertThrows(CommandFailure.class, () -> train("nope.csv", "2", "bdnn", "ojalgo")).getMessage());
    }

    @Test
    void dataErrorsNameFileLineAndColumn() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.csv"), "id,a,b,kind\n1,2,3,yes\n2,x,3,no\n");
        String msg = assertThrows(CommandFailure.class, () -> train(bad.toString(), "2", "bdnn", "ojalgo"))
                .getMessage();
        assertTrue(msg.contains("bad.csv:3") && msg.contains("'a'"), msg);
    }
}
