package org.tamebnn.console;

import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.tamebnn.experiments.Cell;
import org.tamebnn.experiments.CellResult;
import org.tamebnn.experiments.RunRecord;

/**
 * The runs of one configuration over its seeds: every parameter but the seed equal. Statistics are
 * over the runs that did not fail and have the metric (a trainer without a bound has no gap).
 *
 * @param cell  the first run's cell, standing for the configuration
 * @param runs  its runs, in grid order
 */
record RunGroup(Cell cell, List<RunRecord> runs) {

    /** The dimensions of a configuration, as the report's columns name them. */
    enum Dimension {
        DATASET("dataset", Cell::dataset),
        TRAIN("train", Cell::trainSizeText),
        TEST("test", c -> Format.number(c.testFraction())),
        HIDDEN("hidden", Cell::hiddenText),
        VARIANT("variant", Cell::variant),
        WEIGHTS("weights", Cell::weights),
        TRAINER("trainer", Cell::trainer),
        LOSS("loss", Cell::loss),
        SOLVER("solver", Cell::solver),
        TIME_LIMIT("limit", c -> Format.number(c.timeLimitSeconds()) + " s"),
        OPTIONS("options", c -> c.trainerOptions().isEmpty() ? "-" : c.trainerOptions().toString());

        final String header;
        final Function<Cell, String> value;

        Dimension(String header, Function<Cell, String> value) {
            this.header = header;
            this.value = value;
        }
    }

    /** Groups runs by everything but the seed, in the order the grid first reaches each group. */
    static List<RunGroup> of(List<RunRecord> runs) {
        Map<List<String>, List<RunRecord>> groups = new LinkedHashMap<>();
        for (RunRecord r : runs) {
            groups.computeIfAbsent(key(r.cell()), k -> new ArrayList<>()).add(r);
        }
        return groups.values().stream().map(g -> new RunGroup(g.get(0).cell(), List.copyOf(g))).toList();
    }

    static List<String> key(Cell c) {
        List<String> key = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            key.add(d.value.apply(c));
        }
        return key;
    }

    /** The dimensions whose value differs between groups (the trainer always: it names the method). */
    static List<Dimension> varying(List<RunGroup> groups) {
        List<Dimension> out = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            long distinct = groups.stream().map(g -> d.value.apply(g.cell())).distinct().count();
            if (distinct > 1 || d == Dimension.TRAINER) {
                out.add(d);
            }
        }
        return out;
    }

    /** The group's name from the given dimensions, e.g. {@code 25 bdnn local-search ortools-scip}. */
    String label(List<Dimension> dimensions) {
        List<String> parts = new ArrayList<>();
        for (Dimension d : dimensions) {
            String v = d.value.apply(cell);
            // "no solver" and "no options" are dashes in a table, noise in a legend
            if (!((d == Dimension.SOLVER || d == Dimension.OPTIONS) && v.equals("-"))) {
                parts.add(v);
            }
        }
        return String.join(" ", parts);
    }

    List<RunRecord> succeeded() {
        return runs.stream().filter(r -> !r.result().isError()).toList();
    }

    int errors() {
        return (int) runs.stream().filter(r -> r.result().isError()).count();
    }

    /** Mean, min and max of a metric over the succeeded runs that have it; empty (count 0) when none. */
    DoubleSummaryStatistics stats(Function<CellResult, Double> metric) {
        return runStats(r -> metric.apply(r.result()));
    }

    /** As {@link #stats}, for a metric of the whole run (its trace, say), not only of its result. */
    DoubleSummaryStatistics runStats(Function<RunRecord, Double> metric) {
        return succeeded().stream().map(metric).filter(Objects::nonNull).mapToDouble(Double::doubleValue)
                .summaryStatistics();
    }

    /** Statuses with their counts, e.g. {@code OPTIMAL 9, TIME_LIMIT 1}. */
    String statuses() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        runs.forEach(r -> counts.merge(r.result().status(), 1, Integer::sum));
        if (counts.size() == 1) {
            return counts.keySet().iterator().next();
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((s, n) -> parts.add(s + " " + n));
        return String.join(", ", parts);
    }
}
