package org.tamebnn.console;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.tamebnn.experiments.Cell;
import org.tamebnn.experiments.ProgressTrace;
import org.tamebnn.experiments.RunRecord;

/**
 * What the runs' progress traces say, for {@code exp:report}: time to first incumbent and the
 * primal integral of each run with a trace. The primal integral needs the best objective known for
 * the problem: the smallest incumbent any run of the same problem (every parameter but the solver)
 * reached, training MILPs being minimisations; it is integrated to the cell's time limit, so the
 * solvers of one problem compare over the same span.
 */
final class SolverTraces {
    private final Map<RunRecord, Double> integrals = new IdentityHashMap<>();

    private SolverTraces(List<RunRecord> runs) {
        Map<List<String>, Double> best = new HashMap<>();
        for (RunRecord r : runs) {
            for (double v : incumbents(r)) {
                best.merge(problem(r.cell()), v, Math::min);
            }
        }
        for (RunRecord r : runs) {
            Double reference = best.get(problem(r.cell()));
            if (!r.result().trace().isEmpty() && reference != null) {
                integrals.put(r, r.result().trace().primalIntegral(reference, r.cell().timeLimitSeconds()));
            }
        }
    }

    static SolverTraces of(List<RunRecord> runs) {
        return new SolverTraces(runs);
    }

    /** True when any run has a trace, so that the report's trace columns say something. */
    boolean any() {
        return !integrals.isEmpty();
    }

    /** The run's primal integral in seconds, null without a trace. */
    Double primalIntegral(RunRecord r) {
        return integrals.get(r);
    }

    /** Seconds to the run's first incumbent, null without a trace or an incumbent. */
    static Double timeToFirstIncumbent(RunRecord r) {
        var t = r.result().trace().timeToFirstIncumbent();
        return t.isPresent() ? t.getAsDouble() : null;
    }

    private static List<Double> incumbents(RunRecord r) {
        List<Double> values = new ArrayList<>();
        if (r.result().objective() != null && !r.result().isError()) {
            values.add(r.result().objective());
        }
        for (ProgressTrace.Point p : r.result().trace().points()) {
            if (p.incumbent() != null) {
                values.add(p.incumbent());
            }
        }
        return values;
    }

    /** Everything that makes the MILP, the seed included; the solver and its limit left out. */
    private static List<String> problem(Cell c) {
        List<String> key = new ArrayList<>();
        for (RunGroup.Dimension d : RunGroup.Dimension.values()) {
            if (d != RunGroup.Dimension.SOLVER && d != RunGroup.Dimension.TIME_LIMIT) {
                key.add(d.value.apply(c));
            }
        }
        key.add(Long.toString(c.seed()));
        return key;
    }
}
