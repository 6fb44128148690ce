package org.tamebnn.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How a run's solver progressed: incumbent and bound over the run's time, as its progress reports
 * gave them, so that a report can draw the gap against time and compare solvers by time to first
 * incumbent and primal integral. Empty for a run whose solver reports no progress.
 *
 * @param points the reports in time order (seconds since the run started)
 * @since 3.0
 */
public record ProgressTrace(List<Point> points) {

    /** The most points a trace keeps: a long run thins out, keeping every change of incumbent. */
    public static final int MAX_POINTS = 2000;

    /**
     * One report.
     *
     * @param seconds   since the run started
     * @param incumbent objective of the best solution so far, null before there is one
     * @param bound     the proven bound, null when unknown
     */
    public record Point(double seconds, Double incumbent, Double bound) {
        public Point {
            if (!(seconds >= 0) || Double.isInfinite(seconds)) {
                throw new IllegalArgumentException("a progress point needs a time ≥ 0, got " + seconds);
            }
            incumbent = finiteOrNull(incumbent);
            bound = finiteOrNull(bound);
        }

        private static Double finiteOrNull(Double v) {
            return v == null || !Double.isFinite(v) ? null : v;
        }
    }

    public ProgressTrace {
        points = List.copyOf(Objects.requireNonNull(points, "points"));
    }

    public static ProgressTrace empty() {
        return new ProgressTrace(List.of());
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }

    /** Seconds until the first report with an incumbent; empty when none had one. */
    public OptionalDouble timeToFirstIncumbent() {
        return points.stream().filter(p -> p.incumbent() != null).mapToDouble(Point::seconds).findFirst();
    }

    /**
     * The primal integral (Berthold 2013) up to {@code horizon} seconds: ∫ p(t) dt, where p(t) is 1
     * before the first incumbent and afterwards the primal gap of the incumbent x̃(t) to the best
     * known objective x*, |x* − x̃| / max(|x*|, |x̃|) (0 when both are 0, 1 when their signs differ).
     * The last incumbent holds until the horizon. Lower is better: a run that finds the best
     * solution at once scores 0, one that finds nothing scores the horizon.
     *
     * @param best    the best objective known for the problem (over every run of it)
     * @param horizon the time to integrate to (the runs' time limit, so runs compare over one span)
     */
    public double primalIntegral(double best, double horizon) {
        double integral = 0;
        double t = 0;
        double gap = 1;
        for (Point p : points) {
            double until = Math.min(p.seconds(), horizon);
            if (until > t) {
                integral += gap * (until - t);
                t = until;
            }
            if (p.incumbent() != null) {
                gap = primalGap(best, p.incumbent());
            }
        }
        return integral + (horizon > t ? gap * (horizon - t) : 0);
    }

    /** Berthold's primal gap γ(x*, x̃) ∈ [0, 1]. */
    static double primalGap(double best, double incumbent) {
        if (best == incumbent) {
            return 0;
        }
        if (best * incumbent < 0) {
            return 1;
        }
        return Math.abs(best - incumbent) / Math.max(Math.abs(best), Math.abs(incumbent));
    }

    /** The relative gap between incumbent and bound at {@code seconds} (the last report before it), null when unknown. */
    public Double gapAt(double seconds) {
        Point last = null;
        for (Point p : points) {
            if (p.seconds() > seconds) {
                break;
            }
            last = p;
        }
        if (last == null || last.incumbent() == null || last.bound() == null) {
            return null;
        }
        double diff = Math.abs(last.incumbent() - last.bound());
        return diff == 0 ? 0 : Math.min(1, diff / Math.max(Math.abs(last.incumbent()), 1e-10));
    }

    /**
     * This trace with at most {@link #MAX_POINTS} points: every point where the incumbent changes
     * is kept, the others evenly thinned.
     */
    public ProgressTrace thinned() {
        if (points.size() <= MAX_POINTS) {
            return this;
        }
        List<Point> kept = new ArrayList<>();
        int stride = (int) Math.ceil(points.size() / (double) (MAX_POINTS / 2));
        Double lastIncumbent = null;
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            boolean changed = !Objects.equals(p.incumbent(), lastIncumbent);
            if (changed || i % stride == 0 || i == points.size() - 1) {
                kept.add(p);
            }
            lastIncumbent = p.incumbent();
        }
        // a pathological run with more incumbents than that keeps its first ones (its end is in the result)
        return new ProgressTrace(kept.size() <= MAX_POINTS ? kept : kept.subList(0, MAX_POINTS));
    }
}
