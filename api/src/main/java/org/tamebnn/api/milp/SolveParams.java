package org.tamebnn.api.milp;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Common solve parameters. Each is optional: unset means the backend's own default. A backend
 * that lacks the matching {@link Capability} ignores a set value and says so in its
 * {@link SolverInfo}; callers check {@link SolverInfo#supports} when it matters. The one
 * exception is {@link #options()}: a backend without {@link Capability#RAW_OPTIONS} refuses the
 * solve, since a raw option names the backend's own setting and ignoring it would be silent.
 */
public final class SolveParams {
    private static final SolveParams DEFAULTS = new SolveParams();

    private Duration timeLimit;
    private Integer threads;
    private Double relativeGap;
    private Long seed;
    private double[] mipStart;
    private Long nodeLimit;
    private Integer solutionLimit;
    private Long iterationLimit;
    private Map<String, String> options = Map.of();

    private SolveParams() {
    }

    /** A copy with one change; the fields are never shared mutably (starts and options are copied on the way in). */
    private SolveParams with(Consumer<SolveParams> change) {
        SolveParams p = new SolveParams();
        p.timeLimit = timeLimit;
        p.threads = threads;
        p.relativeGap = relativeGap;
        p.seed = seed;
        p.mipStart = mipStart;
        p.nodeLimit = nodeLimit;
        p.solutionLimit = solutionLimit;
        p.iterationLimit = iterationLimit;
        p.options = options;
        change.accept(p);
        return p;
    }

    public static SolveParams defaults() {
        return DEFAULTS;
    }

    public Optional<Duration> timeLimit() {
        return Optional.ofNullable(timeLimit);
    }

    public OptionalInt threads() {
        return threads == null ? OptionalInt.empty() : OptionalInt.of(threads);
    }

    public OptionalDouble relativeGap() {
        return relativeGap == null ? OptionalDouble.empty() : OptionalDouble.of(relativeGap);
    }

    public OptionalLong seed() {
        return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
    }

    /**
     * A starting point for a MILP solve, one value per variable ({@code NaN} where none is
     * suggested), or empty. Honoured by backends with {@link Capability#MIP_START}.
     */
    public Optional<double[]> mipStart() {
        return Optional.ofNullable(mipStart).map(double[]::clone);
    }

    /**
     * The most branch-and-bound nodes to process; honoured by backends with {@link Capability#NODE_LIMIT}.
     *
     * @since 2.0
     */
    public OptionalLong nodeLimit() {
        return nodeLimit == null ? OptionalLong.empty() : OptionalLong.of(nodeLimit);
    }

    /**
     * Stop once this many feasible solutions were found; honoured by backends with
     * {@link Capability#SOLUTION_LIMIT}.
     *
     * @since 2.0
     */
    public OptionalInt solutionLimit() {
        return solutionLimit == null ? OptionalInt.empty() : OptionalInt.of(solutionLimit);
    }

    /**
     * The most simplex iterations; honoured by backends with {@link Capability#ITERATION_LIMIT}.
     *
     * @since 2.0
     */
    public OptionalLong iterationLimit() {
        return iterationLimit == null ? OptionalLong.empty() : OptionalLong.of(iterationLimit);
    }

    /**
     * The backend's own settings by their own names ({@code mip_heuristic_effort} for HiGHS,
     * {@code limits/stallnodes} for SCIP), values as text, in the order given. The backend checks
     * them: an unknown name or a value of the wrong type is an {@link SolveStatus#ERROR} naming it.
     *
     * @since 2.0
     */
    public Map<String, String> options() {
        return options;
    }

    public SolveParams withTimeLimit(Duration limit) {
        if (limit != null && (limit.isNegative() || limit.isZero())) {
            throw new IllegalArgumentException("time limit must be positive, got " + limit);
        }
        return with(p -> p.timeLimit = limit);
    }

    public SolveParams withTimeLimitSeconds(double seconds) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("time limit must be a positive number of seconds, got " + seconds);
        }
        return withTimeLimit(Duration.ofNanos((long) (seconds * 1e9)));
    }

    public SolveParams withThreads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + count);
        }
        return with(p -> p.threads = count);
    }

    public SolveParams withRelativeGap(double gap) {
        if (!(gap >= 0) || Double.isInfinite(gap)) {
            throw new IllegalArgumentException("relative gap must be a finite number >= 0, got " + gap);
        }
        return with(p -> p.relativeGap = gap);
    }

    public SolveParams withSeed(long value) {
        return with(p -> p.seed = value);
    }

    /** Suggests a starting point (see {@link #mipStart()}); {@code null} removes it. */
    public SolveParams withMipStart(double[] start) {
        if (start != null) {
            for (double v : start) {
                if (Double.isInfinite(v)) {
                    throw new IllegalArgumentException("a MIP start value is infinite");
                }
            }
        }
        double[] copy = start == null ? null : start.clone();
        return with(p -> p.mipStart = copy);
    }

    /** @since 2.0 */
    public SolveParams withNodeLimit(long nodes) {
        if (nodes < 1) {
            throw new IllegalArgumentException("node limit must be at least 1, got " + nodes);
        }
        return with(p -> p.nodeLimit = nodes);
    }

    /** @since 2.0 */
    public SolveParams withSolutionLimit(int solutions) {
        if (solutions < 1) {
            throw new IllegalArgumentException("solution limit must be at least 1, got " + solutions);
        }
        return with(p -> p.solutionLimit = solutions);
    }

    /** @since 2.0 */
    public SolveParams withIterationLimit(long iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iteration limit must be at least 1, got " + iterations);
        }
        return with(p -> p.iterationLimit = iterations);
    }

    /**
     * Adds one raw backend option (see {@link #options()}); a later value for the same name replaces
     * the earlier one.
     *
     * @since 2.0
     */
    public SolveParams withOption(String name, String value) {
        if (name == null || name.isBlank() || value == null) {
            throw new IllegalArgumentException("a solver option needs a name and a value, got " + name + "=" + value);
        }
        Map<String, String> more = new LinkedHashMap<>(options);
        more.put(name.strip(), value.strip());
        Map<String, String> frozen = Collections.unmodifiableMap(more);
        return with(p -> p.options = frozen);
    }

    /** Adds every option of {@code more}, in its order (see {@link #withOption}). @since 2.0 */
    public SolveParams withOptions(Map<String, String> more) {
        SolveParams p = this;
        for (Map.Entry<String, String> e : more.entrySet()) {
            p = p.withOption(e.getKey(), e.getValue());
        }
        return p;
    }

    @Override
    public String toString() {
        return "SolveParams[timeLimit=" + timeLimit + ", threads=" + threads + ", relativeGap=" + relativeGap
                + ", seed=" + seed + ", mipStart=" + (mipStart == null ? "none" : mipStart.length + " values")
                + ", nodeLimit=" + nodeLimit + ", solutionLimit=" + solutionLimit + ", iterationLimit="
                + iterationLimit + ", options=" + options + "]";
    }
}
