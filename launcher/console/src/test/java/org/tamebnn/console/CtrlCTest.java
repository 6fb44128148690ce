package org.tamebnn.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.CommandSession;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.milp.SolveProgress;
import org.tamebnn.api.mps.MpsWriter;
import org.tamebnn.solver.ojalgo.OjAlgoSolver;
import org.tamebnn.tck.KnownModels;

/**
 * Ctrl-C in the console, through a real JLine terminal: raising INT on it is what JLine does when
 * the terminal sends the signal. A hard market split instance keeps ojAlgo busy until then.
 */
class CtrlCTest {

    @Test
    void ctrlCCancelsTheRunningSolveSkipsTheRestAndGivesTheConsoleBack(@TempDir Path tmp) throws Exception {
        Path mps = tmp.resolve("market-split.mps");
        MpsWriter.write(KnownModels.marketSplit(5, 40, 1, false), mps);
        SolverRegistry registry = new SolverRegistry();
        StartedSolver first = new StartedSolver();
        registry.registerSolver("first", first, "test");
        registry.registerSolver("second", new OjAlgoSolver(), "test");
        SolverCommands commands = new SolverCommands(registry);
        try (Terminal terminal = new DumbTerminal(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())) {
            Terminal.SignalHandler gogo = signal -> { };
            terminal.handle(Terminal.Signal.INT, gogo);
            CommandSession session = sessionWith(terminal, tmp);

            CompletableFuture<String> out = CompletableFuture.supplyAsync(
                    () -> commands.solve(session, "", true, 120, 0, false, "", 0, 0, mps.toString()));
            assertTrue(first.started.await(60, TimeUnit.SECONDS), "ojAlgo's solve did not begin");
            terminal.raise(Terminal.Signal.INT);
            String table = out.get(60, TimeUnit.SECONDS);

            // both rows name the backend, ojalgo: the first one cancelled while it ran, the second one never started
            assertTrue(table.lines().anyMatch(l -> l.contains("ojalgo") && l.contains("CANCELLED")), table);
            assertFalse(table.contains("before the solve started"), table);
            assertTrue(table.lines().anyMatch(l -> l.contains("ojalgo") && l.contains("SKIPPED")
                    && l.contains("not started: cancelled (Ctrl-C)")), table);
            assertSame(gogo, terminal.handle(Terminal.Signal.INT, gogo), "Gogo's own handler is put back");
        }
    }

    /**
     * Ctrl-C while dual:build grows a tree stops it with the certified function it has so far; the
     * LP backend tells the test when the tree is under way (its hundredth LP).
     */
    @Test
    void ctrlCStopsADualTreeWithTheFunctionSoFar(@TempDir Path tmp) throws Exception {
        Path mps = org.tamebnn.tck.MiplibInstance.named("lseu").copyTo(tmp);
        SolverRegistry registry = new SolverRegistry();
        java.util.concurrent.CountDownLatch growing = new java.util.concurrent.CountDownLatch(100);
        org.tamebnn.api.milp.MilpSolver glop = org.tamebnn.api.milp.MilpSolvers.create("ortools-glop");
        registry.registerSolver("glop", new org.tamebnn.api.milp.MilpSolver() {
            @Override
            public org.tamebnn.api.milp.SolverInfo info() {
                return glop.info();
            }

            @Override
            public org.tamebnn.api.milp.SolveResult solve(org.tamebnn.api.milp.MilpModel m,
                    org.tamebnn.api.milp.SolveParams p, SolveListener l, org.tamebnn.api.milp.CancellationToken c) {
                growing.countDown();
                return glop.solve(m, p, l, c);
            }
        }, "test");
        registry.registerSolver("ortools-scip", org.tamebnn.api.milp.MilpSolvers.create("ortools-scip"), "test");
        java.util.ServiceLoader.load(org.tamebnn.api.dual.DualConstructor.class)
                .forEach(d -> registry.registerDual(d.name(), d));
        DualCommands commands = new DualCommands(registry);
        try (Terminal terminal = new DumbTerminal(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())) {
            terminal.handle(Terminal.Signal.INT, signal -> { });
            CommandSession session = sessionWith(terminal, tmp);
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> commands.build(session, "bb",
                    "ortools-glop", "", "", "order=best,nodes=1000000", 600, mps.toString()));
            assertTrue(growing.await(120, TimeUnit.SECONDS), "the tree did not grow");
            terminal.raise(Terminal.Signal.INT);
            String report = out.get(120, TimeUnit.SECONDS);
            assertTrue(report.contains("tree stopped (cancelled) after "), report);
        }
    }

    @Test
    void withoutAConsoleTerminalNothingIsTakenOver() {
        try (CtrlC ctrlC = CtrlC.cancels(null, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8))) {
            assertTrue(!ctrlC.pressed());
        }
    }

    private static CommandSession sessionWith(Terminal terminal, Path folder) {
        return (CommandSession) Proxy.newProxyInstance(CtrlCTest.class.getClassLoader(),
                new Class<?>[] { CommandSession.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "get" -> CtrlC.TERMINAL.equals(args[0]) ? terminal : null;
                    case "currentDir" -> folder;
                    default -> null;
                });
    }

    /**
     * ojAlgo, telling the test when its own solve has begun (its {@link SolveListener#onStart()}), so
     * that Ctrl-C reaches a running ojAlgo solve; the console passes a listener of its own, so the
     * test listens through this wrapper.
     */
    private static final class StartedSolver extends org.tamebnn.api.milp.AbstractMilpSolver {
        final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        private final OjAlgoSolver ojAlgo = new OjAlgoSolver();

        @Override
        public org.tamebnn.api.milp.SolverInfo info() {
            return ojAlgo.info();
        }

        @Override
        protected org.tamebnn.api.milp.SolveResult solveChecked(org.tamebnn.api.milp.MilpModel model,
                org.tamebnn.api.milp.SolveParams params, SolveListener listener,
                org.tamebnn.api.milp.CancellationToken cancellation, long startNanos) {
            SolveListener toldOfTheStart = new SolveListener() {
                @Override
                public void onProgress(SolveProgress progress) {
                    listener.onProgress(progress);
                }

                @Override
                public void onStart() {
                    started.countDown();
                }
            };
            return ojAlgo.solve(model, params, toldOfTheStart, cancellation);
        }
    }
}
