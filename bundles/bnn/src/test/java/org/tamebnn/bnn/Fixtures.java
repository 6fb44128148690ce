package org.tamebnn.bnn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.data.Dataset;
import org.tamebnn.data.LabelMapping;
import org.tamebnn.losses.ZeroOneLoss;
import org.tamebnn.solver.ortools.HighsSolver;
import org.tamebnn.solver.ortools.ScipSolver;

/** Tiny data sets, the reference solvers and a one-call trainer for the tests. */
final class Fixtures {
    static final LossFunction ZERO_ONE = new ZeroOneLoss();
    static final SolveParams PARAMS = SolveParams.defaults().withTimeLimitSeconds(120).withThreads(1).withSeed(1);

    private Fixtures() {
    }

    static Dataset data(double[][] x, int[] labels, int classes) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < x[0].length; j++) {
            names.add("x" + (j + 1));
        }
        List<String> classNames = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            classNames.add(Integer.toString(c));
        }
        return Dataset.of("tiny", names, x, labels, LabelMapping.fromLabels(classNames));
    }

    static Dataset xor() {
        return data(new double[][] {{0, 0}, {1, 1}, {0, 1}, {1, 0}}, new int[] {0, 0, 1, 1}, 2);
    }

    static MilpSolver scip() {
        return available(new ScipSolver());
    }

    static MilpSolver highs() {
        return available(new HighsSolver());
    }

    static MilpSolver solver(String name) {
        return switch (name) {
            case "scip" -> scip();
            case "highs" -> highs();
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static MilpSolver available(MilpSolver s) {
        assertTrue(s.availability().isAvailable(), () -> s.info().name() + ": " + s.availability().reason());
        return s;
    }

    static TrainingResult train(Dataset data, BnnSpec spec, FormulationOptions options, MilpSolver solver) {
        return new ExactTrainer().train(data, spec, options, ZERO_ONE, solver, PARAMS);
    }

    /** Trains and checks what every optimal run must satisfy: optimal, a network, and a clean guard. */
    static TrainingResult trainOptimal(Dataset data, BnnSpec spec, FormulationOptions options, MilpSolver solver) {
        TrainingResult r = train(data, spec, options, solver);
        assertTrue(r.status() == org.tamebnn.api.milp.SolveStatus.OPTIMAL, r::describe);
        assertTrue(r.hasNetwork(), r::describe);
        assertTrue(r.consistency().orElseThrow().consistent(), r::describe);
        return r;
    }

    /** The 0-1 training loss of a network on data, counted directly from its predictions. */
    static int errors(TrainedBnn net, Dataset data) {
        int errors = 0;
        for (int i = 0; i < data.size(); i++) {
            errors += net.predict(data.row(i)) == data.label(i) ? 0 : 1;
        }
        return errors;
    }
}
