package org.tamebnn.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamebnn.baseline.dnn.OpenBlas;

/** Every trainer from bnn:compare --trainers and bnn:train --trainer, on BCW, with real solvers. */
class TrainersCommandTest {
    private final BnnCommands commands = new BnnCommands(Training.SERVICE);

    private String compare(String trainers, String options, String plot) {
        return commands.compare(null, "bcw", "", "", "median", 25, 0, 0, "5", "bdnn", "real", "step", 0, "default",
                false, 1, "pocket", "loss", "zero-one", "ortools-scip", 60, trainers, options, plot, "table", "", false, "", 0);
    }

    private static boolean row(String table, String first, String status) {
        return table.lines().anyMatch(l -> l.startsWith("| " + first + " ") && l.contains(status) && l.contains("%"));
    }

    @Test
    void everyTrainerRunsFromOneComparisonAndTheCurvesArePlotted(@TempDir Path tmp) throws Exception {
        Path plot = tmp.resolve("curves");
        String out = compare("exact,local-search,online,ste,dnn,tame", "restarts=2,epochs=50,iterations=3",
                plot.toString());
        assertTrue(out.contains("| trainer / solver "), out);
        assertTrue(row(out, "ortools-scip", "OPTIMAL"), out);
        assertTrue(row(out, "local-search / ortools-scip", "FEASIBLE"), out);
        assertTrue(row(out, "online / ortools-scip", "OPTIMAL"), out);
        assertTrue(row(out, "ste", "FEASIBLE"), out);
        // the dnn bundle's own probe of the BLAS Smile will load decides which of the two this machine must give
        if (OpenBlas.availability().available()) {
            assertTrue(row(out, "dnn", "FEASIBLE"), out);
        } else {
            assertTrue(out.lines().anyMatch(l -> l.startsWith("| dnn ") && l.contains("ERROR")), out);
            assertTrue(out.contains("dnn needs OpenBLAS"), out); // the start of OpenBlas.INSTALL_HINT, on one line
        }
        assertTrue(row(out, "tame / ortools-scip", "FEASIBLE"), out);
        assertTrue(out.contains("loss curves of"), out);
        assertTrue(Files.size(tmp.resolve("curves.png")) > 1000);
        assertTrue(Files.readString(tmp.resolve("curves.svg")).contains("<svg"));
    }

    @Test
    void oneTrainerWithItsOptionsAndItsIterations() {
        String out = commands.train(null, "bcw", "", "", "median", 50, 0, 0, "3", "bdnn", "real", "step", 0, "default",
                false, 1, "pocket", "loss", "zero-one", "ortools-scip", 60, "", "tame", "iterations=2,start=random,dual.nodes=500", "classification", "table", "", false, "", 0);
        assertTrue(out.contains("tame on ortools-scip: FEASIBLE"), out);
        assertTrue(out.contains("iteration 0: loss "), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("| test ")), out);
        String ste = commands.train(null, "bcw", "", "", "median", 25, 0, 0, "5", "bdnn", "real", "step", 0, "default",
                false, 1, "pocket", "loss", "zero-one", "", 60, "", "ste", "epochs=20", "classification", "table", "", false, "", 0);
        assertTrue(ste.contains("ste: FEASIBLE; training loss"), ste);
    }

    @Test
    void robustTrainingReportsItsBoundsPerRoundAndTheRobustTestAccuracy() {
        String out = commands.train(null, "bcw", "", "", "median", 12, 0, 0, "2", "bdnn", "real", "step", 0, "default",
                false, 1, "pocket", "loss", "zero-one", "ortools-scip", 60, "", "robust", "radius=0.05,norm=linf", "classification", "table", "", false, "", 0);
        assertTrue(out.contains("robust: OPTIMAL"), out);
        assertTrue(out.lines().anyMatch(l -> l.contains("LB ") && l.contains("UB ")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("test: ") && l.contains("robust")), out);
    }

    @Test
    void badTrainersAndOptionsAreNamed() {
        assertEquals("no trainer named 'sgd' (did you mean 'ste'?); trainers: dnn, ensemble, exact, local-search,"
                + " online, robust, ste, tame", assertThrows(CommandFailure.class, () -> compare("exact,sgd", "", "")).getMessage());
        assertEquals("trainer ste has no option 'restarts' (it takes: batch, epochs, rate)",
                assertThrows(CommandFailure.class, () -> compare("ste", "restarts=2", "")).getMessage());
        assertEquals("trainer exact, ste has no option 'epoch' (did you mean 'epochs'?) (it takes: batch, epochs, rate)",
                assertThrows(CommandFailure.class, () -> compare("exact,ste", "epoch=2", "")).getMessage());
        assertTrue(assertThrows(CommandFailure.class, () -> compare("tame", "schedule=fast", "")).getMessage()
                .contains("schedule must be sqrt, harmonic or constant"));
        assertTrue(assertThrows(CommandFailure.class, () -> compare("ste", "epochs", "")).getMessage()
                .contains("key=value"));
        assertTrue(commands.trainers().contains("local-search"));
    }
}
