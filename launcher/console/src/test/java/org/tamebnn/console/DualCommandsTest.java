package org.tamebnn.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ServiceLoader;

import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamebnn.api.dual.DualConstructor;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolvers;
import org.tamebnn.api.mps.MpsWriter;

/** The dual commands as plain objects, with the plugins found through ServiceLoader. */
class DualCommandsTest {
    private final SolverRegistry registry = new SolverRegistry();
    private final DualCommands commands = new DualCommands(registry);
    private final CommandSession session = FakeSession.withVariables();

    DualCommandsTest() {
        for (String name : new String[] { "ortools-glop", "ortools-scip" }) {
            registry.registerSolver(name, MilpSolvers.create(name), "test");
        }
        ServiceLoader.load(DualConstructor.class).forEach(d -> registry.registerDual(d.name(), d));
    }

    @Test
    void afterBnnTrainTheBranchAndBoundDualCertifiesTheTrainingLoss() {
        String trained = new BnnCommands(Training.SERVICE).train(session, "bcw", "", "", "median", 25, 0, 0, "5", "bdnn", "real",
                "step", 0, "default", false, 1, "pocket", "loss", "zero-one", "ortools-scip", 60, "", "exact", "", "classification", "table",
                "", false, "", 0);
        assertTrue(trained.contains("ortools-scip: OPTIMAL; training loss 0"), trained);
        String out = commands.build(session, "bb", "", "", "", "", 60);
        System.out.println(out);
        assertTrue(out.startsWith("the training MILP of the last bnn:train (9-5-1 BDNN"), out);
        assertTrue(out.contains("MILP (ortools-scip): OPTIMAL, objective 0"), out);
        assertTrue(out.contains("dual gap 0.00% (the dual function certifies the objective optimal)"), out);
    }

    /** The running example (Aspman et al. (10)) at b, as an MPS file. */
    private static Path example(Path dir, double b) throws Exception {
        MilpModel.Builder m = MilpModel.builder("example");
        int x1 = m.integer("x1", 0, Double.POSITIVE_INFINITY);
        int x2 = m.integer("x2", 0, Double.POSITIVE_INFINITY);
        int y1 = m.continuous("y1", 0, Double.POSITIVE_INFINITY);
        int y2 = m.continuous("y2", 0, Double.POSITIVE_INFINITY);
        m.objective(x1, 0.5).objective(y1, 2).objective(y2, 1);
        m.row("r").term(x1, 1).term(x2, -1.5).term(y1, 1).term(y2, -1).equalTo(b);
        Path file = dir.resolve("example.mps");
        MpsWriter.write(m.build(), file);
        return file;
    }

    @Test
    void listNamesEveryMethodWithWhatItNeedsAndCertifies() {
        String out = commands.list();
        assertTrue(out.lines().anyMatch(l -> l.startsWith("| bb ") && l.contains("lp duals")
                && l.contains("valid by construction")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("| lp ") && l.contains("subadditive dual feasible")), out);
        assertTrue(out.contains("lagrangian"), out);
    }

    @Test
    void branchAndBoundCertifiesTheExamplesOptimumAndEvalShowsTheConservativeField(@TempDir Path tmp) throws Exception {
        String out = commands.build(session, "bb", "", "", "", "", 60, example(tmp, 0.5).toString());
        assertTrue(out.contains("dual bound F(b) = 1.00000000 (a lower bound on the optimum)"), out);
        assertTrue(out.contains("MILP (ortools-scip): OPTIMAL, objective 1.00000000"), out);
        assertTrue(out.contains("dual gap 0.00% (the dual function certifies the objective optimal)"), out);
        assertTrue(out.contains("certificate: valid by construction"), out);

        String eval = commands.eval(session, "0.25", "0.5", "-1");
        assertTrue(eval.lines().anyMatch(l -> l.startsWith("| 0.25 ") && l.contains("0.500000000") && l.contains("| 2 ")),
                eval);
        // at ½, where z has a kink, every leaf is active: the field holds all three slopes, in the tree's order
        assertTrue(eval.lines().anyMatch(l -> l.startsWith("| 0.5 ") && java.util.Set.of(l.split("\\|")[3].strip()
                .split(", ")).equals(java.util.Set.of("2", "-1", "0.5"))), eval);
    }

    @Test
    void theLpDualIsWeakerAndSaysSo(@TempDir Path tmp) throws Exception {
        String out = commands.build(session, "lp", "", "", "", "", 60, example(tmp, 0.5).toString());
        assertTrue(out.contains("dual bound F(b) = 0.250000000"), out);
        assertTrue(out.contains("dual gap 75.00%"), out);
        assertTrue(out.contains("certificate: subadditive-dual feasible"), out);
    }

    @Test
    void niceChecksDefinitionEight(@TempDir Path tmp) throws Exception {
        String out = commands.nice(session, "", "", 60, example(tmp, 0.5).toString());
        assertTrue(out.startsWith("example.mps: nice (Definition 8)"), out);
        MilpModel.Builder m = MilpModel.builder("ray");
        int x = m.integer("x", 0, Double.POSITIVE_INFINITY);
        int y = m.continuous("y", 0, Double.POSITIVE_INFINITY);
        m.objective(x, -1);
        m.row("r").term(x, 1).term(y, -1).equalTo(0);
        Path ray = tmp.resolve("ray.mps");
        MpsWriter.write(m.build(), ray);
        String notNice = commands.nice(session, "", "", 60, ray.toString());
        assertTrue(notNice.startsWith("ray.mps: not nice (Definition 8)"), notNice);
        assertTrue(notNice.contains("(B) dual of the continuous relaxation feasible: does not hold"), notNice);
    }

    @Test
    void theRunningExampleComesOutOfTheConsole(@TempDir Path tmp) throws Exception {
        String out = commands.example(0.5, 60);
        System.out.println(out);
        assertTrue(out.contains("local max"), out);
        // every method built at ½ stays below z on [−4, 4]; bb and gomory are exact at ½
        assertTrue(out.lines().anyMatch(l -> l.startsWith("bb ") && l.contains("F ≤ z on [−4, 4]")
                && l.contains("F(b₀) = 1 = z(b₀)")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("gomory ") && l.contains("F ≤ z on [−4, 4]")
                && l.contains("= z(b₀)")), out);
        assertTrue(out.lines().noneMatch(l -> l.contains("F > z")), out);
        assertTrue(out.contains("column x1: F(aⱼ) = 2.00000 > cⱼ = 0.500000"), "(12) is rejected: " + out);
        assertTrue(out.contains("|  6 |"), "fits up to 6 pieces: " + out);

        session.put(".currentDir", tmp);
        String plot = commands.plot(null, 0.5, tmp.resolve("figure4").toString(), 60);
        assertTrue(java.nio.file.Files.size(tmp.resolve("figure4.png")) > 1000, plot);
        assertTrue(java.nio.file.Files.readString(tmp.resolve("figure4.svg")).contains("<svg"), plot);
    }

    @Test
    void userErrorsAreOneLine(@TempDir Path tmp) throws Exception {
        assertEquals("no dual function built in this console yet (run dual:build first)",
                assertThrows(CommandFailure.class, () -> commands.eval(session, "1")).getMessage());
        assertTrue(assertThrows(CommandFailure.class, () -> commands.build(session, "gomory-x", "", "", "", "", 60,
                example(tmp, 0.5).toString())).getMessage().startsWith("no dual-function method named 'gomory-x'"));
        assertEquals("give an MPS file, or run bnn:train first in this console to certify its training MILP",
                assertThrows(CommandFailure.class, () -> commands.build(session, "bb", "", "", "", "", 60)).getMessage());
        assertTrue(assertThrows(CommandFailure.class, () -> commands.build(session, "bb", "", "", "nope", "", 60,
                example(tmp, 0.5).toString())).getMessage().contains("no row named 'nope'"));
    }
}
