package org.tamebnn.api.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tamebnn.api.milp.Limit;
import org.tamebnn.api.milp.SolveStatus;

class TrainerOptionsTest {
    private static final List<TrainerOption> DECLARED = List.of(
            TrainerOption.integer("restarts", 1, 1, "seeded restarts"),
            TrainerOption.number("alpha", 0.5, 0, "step size"),
            TrainerOption.choice("schedule", "sqrt", List.of("sqrt", "harmonic", "constant"), "step schedule"),
            TrainerOption.prefix("dual.", "options of the dual construction"));

    @Test
    void givenValuesAreReadAndTheRestAreDefaults() {
        TrainerOptions o = TrainerOptions.of("t", DECLARED, Map.of("restarts", "3", "dual.nodes", "500"));
        assertEquals(3, o.integer("restarts"));
        assertEquals(0.5, o.number("alpha"));
        assertEquals("sqrt", o.text("schedule"));
        assertEquals(Map.of("nodes", "500"), o.prefixed("dual."));
    }

    @Test
    void badKeysAndValuesAreRefusedNamingTheOption() {
        assertEquals("trainer t has no option 'restart' (it takes: alpha, dual.*, restarts, schedule)",
                refused(Map.of("restart", "3")));
        assertEquals("trainer option restarts must be at least 1, got 0", refused(Map.of("restarts", "0")));
        assertEquals("trainer option restarts must be an integer, got 'two'", refused(Map.of("restarts", "two")));
        assertEquals("trainer option alpha must be a number, got 'NaN'", refused(Map.of("alpha", "NaN")));
        assertEquals("trainer option schedule must be sqrt, harmonic or constant, got 'log'",
                refused(Map.of("schedule", "log")));
    }

    @Test
    void statusesMapToOneVocabularyThatNeverOverstates() {
        assertEquals("TIME_LIMIT", Termination.of(SolveStatus.FEASIBLE, Limit.TIME, true, "").label());
        assertEquals(Termination.Reason.NO_SOLUTION,
                Termination.of(SolveStatus.NO_SOLUTION_FOUND, Limit.TIME, false, "").reason());
        assertEquals("NODE_LIMIT", Termination.of(SolveStatus.FEASIBLE, Limit.NODES, true, "").label());
        assertEquals(Termination.Reason.CANCELLED,
                Termination.of(SolveStatus.FEASIBLE, Limit.INTERRUPTED, true, "").reason());
        assertEquals(Termination.Reason.ERROR, Termination.of(SolveStatus.UNBOUNDED, Limit.NONE, true, "").reason());
        assertEquals("OPTIMAL", Termination.of(SolveStatus.OPTIMAL, Limit.NONE, true, "").label());
        assertEquals("OPTIMAL_UNCONFIRMED", Termination.of(SolveStatus.OPTIMAL_UNCONFIRMED, Limit.NONE, true, "").label());
        assertFalse(Termination.of(SolveStatus.OPTIMAL_UNCONFIRMED, Limit.NONE, true, "").isProven());
        assertEquals("FEASIBLE", Termination.finished().label());
    }

    private static String refused(Map<String, String> given) {
        return assertThrows(TrainingException.class, () -> TrainerOptions.of("t", DECLARED, given)).getMessage();
    }
}
