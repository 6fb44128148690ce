package org.tamebnn.api.milp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** {@link SolveListener#onStart()}: once per solve that runs, before the backend; never for one that does not. */
class SolveStartTest {

    /** Records what it hears, in order; a start says whether the backend had begun by then. */
    private static final class Recorder implements SolveListener {
        final List<String> heard = new CopyOnWriteArrayList<>();
        final CompletableFuture<Void> started = new CompletableFuture<>();
        private final LoopingSolver backend;

        Recorder(LoopingSolver backend) {
            this.backend = backend;
        }

        @Override
        public void onProgress(SolveProgress progress) {
            heard.add("progress");
        }

        @Override
        public void onStart() {
            heard.add(backend.started.getCount() == 1 ? "start" : "start after the backend began");
            started.complete(null);
        }
    }

    @Test
    void aRunningSolveReportsItsStartOnceBeforeTheBackendRuns() throws Exception {
        var solver = new LoopingSolver(EnumSet.of(Capability.CANCELLATION), 10);
        Recorder recorder = new Recorder(solver);
        CancellationToken token = new CancellationToken();
        CompletableFuture<SolveResult> running = CompletableFuture.supplyAsync(() -> solver.solve(
                LoopingSolver.model(), SolveParams.defaults(), recorder, token));
        recorder.started.get(10, TimeUnit.SECONDS);
        token.cancel();
        SolveResult r = running.get(10, TimeUnit.SECONDS);
        assertEquals(Limit.INTERRUPTED, r.limit(), r::toString);
        assertEquals("", r.message(), "the backend's own cancel, not the refusal of a cancelled solve");
        assertEquals(List.of("start"), recorder.heard);
    }

    @Test
    void aSolveCancelledBeforeItBeganReportsNoStart() {
        var solver = new LoopingSolver(EnumSet.of(Capability.CANCELLATION), 10);
        Recorder recorder = new Recorder(solver);
        CancellationToken token = new CancellationToken();
        token.cancel();
        SolveResult r = solver.solve(LoopingSolver.model(), SolveParams.defaults(), recorder, token);
        assertEquals(Limit.INTERRUPTED, r.limit());
        assertEquals("cancelled before the solve started", r.message());
        assertTrue(recorder.heard.isEmpty(), recorder.heard::toString);
        assertEquals(1, solver.started.getCount(), "the backend never ran");
    }

    @Test
    void aRefusedSolveReportsNoStart() {
        var solver = new LoopingSolver(EnumSet.noneOf(Capability.class), 10);
        MilpModel.Builder b = MilpModel.builder("integer");
        b.objective(b.integer("x", 0, 1), 1);
        Recorder recorder = new Recorder(solver);
        SolveResult r = solver.solve(b.build(), SolveParams.defaults(), recorder, new CancellationToken());
        assertEquals(SolveStatus.ERROR, r.status(), "an LP-only solver refuses integer variables");
        assertTrue(recorder.heard.isEmpty(), recorder.heard::toString);
    }
}
