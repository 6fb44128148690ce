package org.tamebnn.api.milp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The termination vocabulary: reason apart from limit, and nothing overstated on the way out. */
class TerminationVocabularyTest {

    /** A backend that answers what it is told to, for a one-integer model min x, x ∈ {0..3}. */
    private static final class Scripted extends AbstractMilpSolver {
        private final SolveResult answer;
        private final EnumSet<Capability> capabilities;

        Scripted(SolveResult answer, EnumSet<Capability> capabilities) {
            this.answer = answer;
            this.capabilities = capabilities;
        }

        @Override
        public SolverInfo info() {
            return new SolverInfo("scripted", "answers as told", "1", capabilities, "");
        }

        @Override
        public Availability availability() {
            return Availability.yes();
        }

        @Override
        protected SolveResult solveChecked(MilpModel model, SolveParams params, SolveListener listener,
                CancellationToken cancellation, long startNanos) {
            return answer;
        }
    }

    private static MilpModel integerModel() {
        MilpModel.Builder b = MilpModel.builder("one-integer");
        b.objective(b.integer("x", 0, 3), 1);
        return b.build();
    }

    private static SolveResult optimal(double bound) {
        return SolveResult.ended("scripted", SolveStatus.OPTIMAL, "ok", "", 0, bound, new double[] {0}, null, 1);
    }

    @Test
    void anOptimumWithoutAConfirmingBoundIsTypedUnconfirmed() {
        EnumSet<Capability> caps = EnumSet.of(Capability.INTEGER_VARIABLES);
        SolveResult noBound = new Scripted(optimal(Double.NaN), caps).solve(integerModel(), SolveParams.defaults());
        assertEquals(SolveStatus.OPTIMAL_UNCONFIRMED, noBound.status(), noBound::toString);
        assertTrue(noBound.message().contains("without a bound"), noBound.message());
        assertEquals(0, noBound.values()[0], "the solution is kept");

        SolveResult farBound = new Scripted(optimal(-1), caps).solve(integerModel(), SolveParams.defaults());
        assertEquals(SolveStatus.OPTIMAL_UNCONFIRMED, farBound.status(), farBound::toString);

        SolveResult confirmed = new Scripted(optimal(0), caps).solve(integerModel(), SolveParams.defaults());
        assertEquals(SolveStatus.OPTIMAL, confirmed.status(), confirmed::toString);
        assertEquals("ok", confirmed.rawStatus());
        assertTrue(confirmed.status().isProven());
        assertFalse(SolveStatus.OPTIMAL_UNCONFIRMED.isProven());
    }

    @Test
    void anLpOptimumNeedsNoBound() {
        MilpModel.Builder b = MilpModel.builder("lp");
        b.objective(b.continuous("x", 0, 1), 1);
        SolveResult r = new Scripted(optimal(Double.NaN), EnumSet.noneOf(Capability.class)).solve(b.build(),
                SolveParams.defaults());
        assertEquals(SolveStatus.OPTIMAL, r.status(), "a simplex optimum is the backend's own proof");
    }

    @Test
    void optionsReachOnlyABackendThatChecksThem() {
        SolveParams withOption = SolveParams.defaults().withOption("presolve", "off");
        SolveResult refused = new Scripted(optimal(0), EnumSet.of(Capability.INTEGER_VARIABLES)).solve(integerModel(),
                withOption);
        assertEquals(SolveStatus.ERROR, refused.status());
        assertEquals("scripted takes no solver options; got presolve", refused.message());
        SolveResult taken = new Scripted(optimal(0), EnumSet.of(Capability.INTEGER_VARIABLES, Capability.RAW_OPTIONS))
                .solve(integerModel(), withOption);
        assertEquals(SolveStatus.OPTIMAL, taken.status());
    }

    @Test
    void optionsKeepTheirOrderAndTheLastValueOfAName() {
        SolveParams p = SolveParams.defaults().withOption("b", "1").withOptions(Map.of("a", "2")).withOption("b", " 3 ");
        assertEquals(List.of("b", "a"), List.copyOf(p.options().keySet()));
        assertEquals("3", p.options().get("b"));
        assertThrows(IllegalArgumentException.class, () -> SolveParams.defaults().withOption(" ", "1"));
        assertThrows(UnsupportedOperationException.class, () -> p.options().put("c", "4"));
        assertEquals(7, SolveParams.defaults().withNodeLimit(7).nodeLimit().getAsLong());
        assertEquals(2, SolveParams.defaults().withSolutionLimit(2).solutionLimit().getAsInt());
        assertThrows(IllegalArgumentException.class, () -> SolveParams.defaults().withNodeLimit(0));
        assertTrue(p.withSeed(1).options().equals(p.options()), "a copy keeps the options");
    }

    @Test
    void aStoppedResultNamesItsLimitAndNothingElseDoes() {
        SolveResult stopped = SolveResult.stopped("s", Limit.NODES, "kSolutionLimit", "", 4, 2, new double[] {4}, 9);
        assertEquals(SolveStatus.FEASIBLE, stopped.status());
        assertEquals("NODE_LIMIT", stopped.label());
        assertEquals(4, stopped.primalBound());
        assertEquals(0.5, stopped.gap(), 1e-12);
        SolveResult none = SolveResult.stopped("s", Limit.TIME, "", "", 4, 2, null, 9);
        assertEquals(SolveStatus.NO_SOLUTION_FOUND, none.status());
        assertTrue(Double.isNaN(none.objective()), "no solution, no primal bound");
        assertEquals("CANCELLED", SolveResult.stopped("s", Limit.INTERRUPTED, "", "", 0, 0, null, 0).label());
        assertThrows(IllegalArgumentException.class, () -> new SolveResult("s", SolveStatus.FEASIBLE, Limit.NONE, "",
                "", 0, 0, new double[] {0}, null, Duration.ZERO, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new SolveResult("s", SolveStatus.OPTIMAL, Limit.TIME, "",
                "", 0, 0, new double[] {0}, null, Duration.ZERO, 0, null));
    }
}
