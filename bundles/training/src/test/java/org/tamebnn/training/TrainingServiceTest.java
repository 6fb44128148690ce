package org.tamebnn.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.training.Comparison;
import org.tamebnn.api.training.RunControl;
import org.tamebnn.api.training.RunSpec;
import org.tamebnn.api.training.Scores;
import org.tamebnn.api.training.Task;
import org.tamebnn.api.training.Termination;
import org.tamebnn.api.training.Trainer;
import org.tamebnn.api.training.TrainerOption;
import org.tamebnn.api.training.TrainerResult;
import org.tamebnn.api.training.TrainingContext;
import org.tamebnn.api.training.TrainingException;
import org.tamebnn.api.training.TrainingListener;
import org.tamebnn.api.training.TrainingOutcome;
import org.tamebnn.api.training.TrainingRequest;
import org.tamebnn.api.training.TrainingService;
import org.tamebnn.bnn.BnnSpec;

/** The service over the real trainers, losses and solvers found on the class path (as a non-OSGi embedder sees them). */
class TrainingServiceTest {
    private static final TrainingService SERVICE = TrainingServices.fromServiceLoader(
            TrainingServiceTest.class.getClassLoader());
    private static final RunSpec BCW_25 = RunSpec.defaults().withSolver("ortools-scip");

    @Test
    void theExactTrainerOnBcwIsOptimalAndScoredOnTheHeldOutRows() {
        TrainingOutcome o = SERVICE.train(BCW_25, RunControl.none());

        assertEquals(Termination.Reason.OPTIMAL, o.termination().reason(), o::note);
        assertEquals(0, o.result().trainingLoss());
        assertEquals(0, o.result().gap());
        Scores.Classification train = (Scores.Classification) o.train().orElseThrow();
        Scores.Classification test = (Scores.Classification) o.test().orElseThrow();
        assertEquals(25, train.size());
        assertEquals(1.0, train.accuracy());
        assertEquals(140, test.size(), "20% of BCW's 699 rows, never trained on");
        assertTrue(test.accuracy() > 0.6, () -> "test accuracy " + test.accuracy());
        assertTrue(o.result().consistency().orElseThrow().consistent());
        assertTrue(o.result().milp().isPresent(), "the MILP travels with the outcome, for dual functions");
        assertTrue(o.preparation().stream().anyMatch(l -> l.startsWith("network 9-5-1 BDNN")), o.preparation()::toString);
        assertEquals("ortools-scip", o.spec().solver().name());
        assertEquals("ortools-scip", o.label());
    }

    @Test
    void aSpecWithoutASolverRunsOnThePreferredOneAndSaysSo() {
        RunSpec resolved = SERVICE.resolve(RunSpec.defaults(), RunControl.none());
        assertEquals("ortools-highs", resolved.solver().name());
        assertEquals("", SERVICE.resolve(RunSpec.defaults().withTrainer("ste", Map.of()).withSolver("ortools-scip"),
                RunControl.none()).solver().name(), "a trainer without a solver keeps none in its spec");
    }

    @Test
    void aComparisonRunsMilpTrainersOnEverySolverAndTheOthersOnce() {
        Comparison c = SERVICE.compare(BCW_25.withHidden(List.of(2)), List.of("exact", "ste"),
                List.of("ortools-scip", "ortools-highs"), RunControl.none());

        assertEquals(List.of("ortools-scip", "ortools-highs", "ste"), c.outcomes().stream().map(TrainingOutcome::label).toList());
        assertEquals(List.of(), c.notRun());
        TrainingOutcome ste = c.outcomes().get(2);
        assertEquals("FEASIBLE", ste.termination().label(), "gradient descent proves nothing");
        assertTrue(Double.isNaN(ste.result().lossBound()));
        assertEquals(Double.valueOf(ste.result().trainingLoss()), ste.result().lossCurve().getLast());
        c.outcomes().forEach(o -> assertEquals("", o.refutation(), o::note));
    }

    @Test
    void listenersHearEachEpochRoundAndBetterNetworkAsTheRunGoes() {
        List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void started(String trainer, String solver) {
                events.add("started " + trainer + " " + solver);
            }

            @Override
            public void iterationDone(int iteration, double loss) {
                events.add("iteration " + iteration);
            }

            @Override
            public void incumbentImproved(double loss) {
                events.add("better " + loss);
            }

            @Override
            public void roundBounds(int round, double lower, double upper) {
                events.add("round " + round + " " + lower + " " + upper);
            }
        };
        TrainingOutcome ste = SERVICE.train(BCW_25.withTrainer("ste", Map.of("epochs", "12")),
                RunControl.none().withListener(listener));
        assertEquals("started ste -", events.getFirst());
        assertEquals(12, events.stream().filter(e -> e.startsWith("iteration ")).count(), events::toString);
        assertEquals("better " + ste.result().trainingLoss(), events.stream().filter(e -> e.startsWith("better "))
                .reduce((a, b) -> b).orElse("none"), "the last better network is the one returned");

        events.clear();
        TrainingOutcome robust = SERVICE.train(BCW_25.withTrainSize(12).withHidden(List.of(2))
                .withTrainer("robust", Map.of("radius", "0.05")), RunControl.none().withListener(listener));
        List<String> rounds = events.stream().filter(e -> e.startsWith("round ")).toList();
        assertEquals(robust.result().rounds().size(), rounds.size(), events::toString);
        TrainerResult.Round last = robust.result().rounds().getLast();
        assertEquals("round " + last.round() + " " + last.lowerBound() + " " + last.upperBound(), rounds.getLast());
    }

    @Test
    void theOneVersusOneEnsembleVotesTenDigitsFromFortyFivePairModels() {
        List<Integer> finished = new java.util.concurrent.CopyOnWriteArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void iterationDone(int iteration, double loss) {
                finished.add(iteration);
            }
        };
        TrainingOutcome o = SERVICE.train(RunSpec.defaults().withSource("mnist").withPerClass(3).withHidden(List.of())
                .withSolver("ortools-scip").withTrainer("ensemble", Map.of("model-time-limit", "20")),
                RunControl.none().withListener(listener));

        assertEquals("FEASIBLE", o.termination().label(), o::note);
        assertEquals(45, o.result().details().size(), "one line per pair of digits");
        assertEquals(45, finished.size(), "each pair model reported as it finished");
        Scores.Classification train = (Scores.Classification) o.train().orElseThrow();
        Scores.Classification test = (Scores.Classification) o.test().orElseThrow();
        assertEquals(30, train.size());
        assertEquals(9_970, test.size());
        assertEquals(o.result().trainingLoss(), Math.round((1 - train.accuracy()) * 30), 1e-9,
                "the vote's training errors are its loss");
        assertTrue(test.accuracy() > 0.4, () -> "ten digits from three images each: " + test.accuracy());
        assertTrue(o.network().orElseThrow().describe().startsWith("one-vs-one ensemble of 45 784-1 BDNN"),
                o.network().orElseThrow()::describe);
    }

    @Test
    void aRunCancelledBeforeItStartsIsListedAsNotRun() {
        CancellationToken cancel = CancellationToken.none();
        cancel.cancel();
        Comparison c = SERVICE.compare(BCW_25, List.of("exact"), List.of("ortools-scip", "ortools-highs"),
                RunControl.none().withCancel(cancel));
        assertEquals(List.of(), c.outcomes());
        assertEquals(List.of("ortools-scip", "ortools-highs"), c.notRun());
    }

    @Test
    void aTrainerThatFailsIsAnErrorOutcomeAndTheOthersRun() {
        Trainer broken = new Trainer() {
            public String name() {
                return "broken";
            }

            public String description() {
                return "fails";
            }

            public List<TrainerOption> options() {
                return List.of();
            }

            public boolean needsSolver() {
                return false;
            }

            public TrainerResult train(TrainingRequest request, TrainingContext context) {
                throw new IllegalStateException("out of ideas");
            }
        };
        TrainingService service = TrainingServices.builder().trainer(broken)
                .trainer(TrainingServices.fromServiceLoader(getClass().getClassLoader()).trainers().stream()
                        .filter(t -> t.name().equals("ste")).findFirst().orElseThrow())
                .loss(new org.tamebnn.losses.ZeroOneLoss()).build();

        Comparison c = service.compare(RunSpec.defaults(), List.of("broken", "ste"), List.of(), RunControl.none());

        assertEquals("ERROR", c.outcomes().get(0).termination().label());
        assertEquals("broken failed: java.lang.IllegalStateException: out of ideas", c.outcomes().get(0).note());
        assertTrue(c.outcomes().get(0).train().isEmpty());
        assertEquals("FEASIBLE", c.outcomes().get(1).termination().label());
    }

    @Test
    void badSpecsAreRefusedInOneLineBeforeAnythingRuns() {
        assertEquals("no trainer named 'exat' (did you mean 'exact'?); trainers: ensemble, exact, local-search, online,"
                + " robust, ste, tame", refused(RunSpec.defaults().withTrainer("exat", Map.of())));
        assertEquals("trainer local-search has no option 'restart' (did you mean 'restarts'?) (it takes:"
                + " max-iterations, restarts)", refused(RunSpec.defaults().withTrainer("local-search",
                        Map.of("restart", "3"))));
        assertEquals("trainer option restarts must be at least 1, got 0",
                refused(RunSpec.defaults().withTrainer("local-search", Map.of("restarts", "0"))));
        assertEquals("ortools-glop solves LPs only; training a BNN needs a MILP solver",
                refused(RunSpec.defaults().withSolver("ortools-glop")));
        assertEquals("no solver named 'gurobi'; installed: highs, ojalgo, ortools-cbc, ortools-clp, ortools-cpsat,"
                + " ortools-glop, ortools-highs, ortools-pdlp, ortools-scip, scip",
                refused(RunSpec.defaults().withSolver("gurobi")));
        RunSpec regression = RunSpec.defaults().withData(new RunSpec.Data("wdbc", Task.REGRESSION, "Mean Radius",
                List.of(), "median", "min-max"));
        assertEquals("loss 'zero-one' scores classes; --task regression needs a loss on real outputs: absolute or"
                + " squared", refused(regression));
        assertEquals("--task regression: trainer ste does not train regression networks; the trainers that do: exact",
                refused(regression.withLoss("absolute").withTrainer("ste", Map.of())));
        assertEquals("no such file: no/such.csv", assertThrows(TrainingException.class,
                () -> SERVICE.train(RunSpec.defaults().withSource("no/such.csv"), RunControl.none())).getMessage());
    }

    @Test
    void theShippedTrainersAreFoundOnTheClassPath() {
        assertEquals(List.of("ensemble", "exact", "local-search", "online", "robust", "ste", "tame"),
                SERVICE.trainers().stream().map(Trainer::name).toList());
        assertEquals(Set.of(Task.CLASSIFICATION, Task.REGRESSION), SERVICE.trainers().get(1).tasks(), "exact");
    }

    @Test
    void theSpecsDefaultEpsilonIsTheFormulations() {
        assertEquals(BnnSpec.DEFAULT_EPSILON, RunSpec.defaults().network().epsilon());
    }

    private static String refused(RunSpec spec) {
        TrainingException e = assertThrows(TrainingException.class, () -> SERVICE.resolve(spec, RunControl.none()));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }
}
