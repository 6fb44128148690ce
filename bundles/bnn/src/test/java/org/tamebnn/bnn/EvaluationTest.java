package org.tamebnn.bnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EvaluationTest {

    /** Figures as scikit-learn's classification_report gives them (zero_division=0). */
    @Test
    void perClassAndWeightedScores() {
        Evaluation e = Evaluation.of(new int[] {0, 0, 0, 1, 1, 2}, new int[] {0, 1, 0, 1, 2, 2}, 3);
        assertArrayEquals(new int[][] {{2, 1, 0}, {0, 1, 1}, {0, 0, 1}}, e.confusion());
        assertEquals(4.0 / 6, e.accuracy(), 1e-12);
        assertEquals(rounded(new Evaluation.ClassScores(0, 1.0, 2.0 / 3, 0.8, 3)), rounded(e.classScores(0)));
        assertEquals(rounded(new Evaluation.ClassScores(1, 0.5, 0.5, 0.5, 2)), rounded(e.classScores(1)));
        assertEquals(rounded(new Evaluation.ClassScores(2, 0.5, 1.0, 2.0 / 3, 1)), rounded(e.classScores(2)));
        Evaluation.ClassScores w = e.weightedAverage();
        assertEquals(0.75, w.precision(), 1e-12);
        assertEquals(e.accuracy(), w.recall(), 1e-12, "weighted recall is accuracy");
        assertEquals((3 * 0.8 + 2 * 0.5 + 2.0 / 3) / 6, w.f1(), 1e-12);
        assertTrue(e.positiveClass().isEmpty(), "no positive class for K = 3");
    }

    /**
     * The paper's Table 1–2 row "BDNN, 25": accuracy 69.3, precision 48.0, recall 69.3, F1 56.7 —
     * exactly the figures of predicting "benign" for all 140 test points (97 benign).
     */
    @Test
    void reproducesThePapersConstantClassifierRow() {
        int[] actual = new int[140];
        for (int i = 97; i < 140; i++) {
            actual[i] = 1;
        }
        Evaluation e = Evaluation.of(actual, new int[140], 2);
        assertEquals(69.3, 100 * e.accuracy(), 0.05);
        assertEquals(48.0, 100 * e.weightedAverage().precision(), 0.05);
        assertEquals(69.3, 100 * e.weightedAverage().recall(), 0.05);
        assertEquals(56.7, 100 * e.weightedAverage().f1(), 0.05);
        Evaluation.ClassScores malignant = e.positiveClass().orElseThrow();
        assertEquals(0, malignant.precision(), "never predicted: precision 0 by convention");
        assertEquals(0, malignant.recall());
        assertEquals(43, malignant.support());
        assertEquals("accuracy 69.3% (97/140); weighted P/R/F1 48.0/69.3/56.7%", e.toString());
    }

    @Test
    void scoresANetworkOnData() {
        var xor = Fixtures.xor();
        Evaluation e = Evaluation.of(TrainedBnnTest.xorNetwork(), xor);
        assertEquals(1.0, e.accuracy());
        assertEquals(4, e.size());
        assertEquals(1.0, e.positiveClass().orElseThrow().f1());
    }

    private static Evaluation.ClassScores rounded(Evaluation.ClassScores s) {
        return new Evaluation.ClassScores(s.classIndex(), round(s.precision()), round(s.recall()), round(s.f1()),
                s.support());
    }

    private static double round(double v) {
        return Math.round(v * 1e9) / 1e9;
    }
}
