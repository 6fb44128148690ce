package org.tamebnn.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProgressTraceTest {

    private static ProgressTrace.Point p(double s, Double inc, Double bound) {
        return new ProgressTrace.Point(s, inc, bound);
    }

    /** No incumbent for 2 s (gap 1), then 10 against a best of 5 (gap ½) for 4 s, then 5 (gap 0) to the end. */
    @Test
    void thePrimalIntegralAddsTheGapOverTime() {
        ProgressTrace t = new ProgressTrace(List.of(p(0.5, null, 0.0), p(2, 10.0, 0.0), p(6, 5.0, 5.0)));
        assertEquals(2 * 1 + 4 * 0.5 + 4 * 0, t.primalIntegral(5, 10), 1e-12);
        assertEquals(2.0, t.timeToFirstIncumbent().getAsDouble());
        assertEquals(3, new ProgressTrace(List.of(p(5, 10.0, 0.0))).primalIntegral(10, 3), 1e-12,
                "a report after the horizon counts nothing; before the first report the gap is 1");
        assertEquals(7, ProgressTrace.empty().primalIntegral(0, 7), "no incumbent: the whole horizon");
        assertTrue(ProgressTrace.empty().timeToFirstIncumbent().isEmpty());
    }

    @Test
    void bertholdsPrimalGap() {
        assertEquals(0, ProgressTrace.primalGap(0, 0));
        assertEquals(1, ProgressTrace.primalGap(0, 3), "a loss of 0 is best: any other incumbent is 100% off");
        assertEquals(1, ProgressTrace.primalGap(-1, 2), "signs differ");
        assertEquals(0.25, ProgressTrace.primalGap(3, 4), 1e-12);
    }

    /**
     * The integral lies in [0, horizon], and strictly shrinks when an incumbent at most twice the
     * best comes earlier inside the horizon (its gap is then below 1).
     */
    @Test
    void theIntegralIsBoundedAndRewardsEarlierIncumbents() {
        qt().withExamples(300).forAll(doubles().between(0.1, 20), doubles().between(1, 100), doubles().between(0, 1),
                integers().between(21, 40)).checkAssert((first, best, excess, horizon) -> {
                    double incumbent = best * (1 + excess);
                    ProgressTrace late = new ProgressTrace(List.of(p(first, incumbent, 0.0)));
                    ProgressTrace early = new ProgressTrace(List.of(p(first / 2, incumbent, 0.0)));
                    double a = late.primalIntegral(best, horizon);
                    double b = early.primalIntegral(best, horizon);
                    assertTrue(a >= 0 && a <= horizon + 1e-9, () -> a + " outside [0, " + horizon + "]");
                    assertTrue(b < a, () -> "earlier incumbent: " + b + " against " + a);
                });
    }

    @Test
    void theGapAtATimeIsTheLastReportsAndUnknownBeforeAnIncumbentAndABound() {
        ProgressTrace t = new ProgressTrace(List.of(p(1, null, 0.0), p(2, 4.0, null), p(3, 4.0, 3.0), p(4, 4.0, 4.0)));
        assertNull(t.gapAt(0.5));
        assertNull(t.gapAt(1.5));
        assertNull(t.gapAt(2.5));
        assertEquals(0.25, t.gapAt(3.5), 1e-12);
        assertEquals(0.0, t.gapAt(100));
    }

    @Test
    void aLongTraceIsThinnedKeepingEveryNewIncumbent() {
        List<ProgressTrace.Point> points = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            points.add(p(i * 0.01, (double) (100 - i / 1000), 0.0));
        }
        ProgressTrace thin = new ProgressTrace(points).thinned();
        assertTrue(thin.points().size() <= ProgressTrace.MAX_POINTS, () -> thin.points().size() + " points");
        for (int k = 0; k < 10; k++) {
            double value = 100 - k;
            double first = points.get(k * 1000).seconds();
            assertTrue(thin.points().stream().anyMatch(q -> q.incumbent() == value && q.seconds() == first),
                    "incumbent " + value + " kept where it first came");
        }
        assertEquals(points.getLast(), thin.points().getLast());
    }

    @Test
    void pointsRefuseANegativeTimeAndForgetInfiniteValues() {
        assertThrows(IllegalArgumentException.class, () -> p(-1, 1.0, 0.0));
        assertNull(p(1, Double.POSITIVE_INFINITY, Double.NaN).incumbent());
        assertNull(p(1, 2.0, Double.NaN).bound());
    }
}
