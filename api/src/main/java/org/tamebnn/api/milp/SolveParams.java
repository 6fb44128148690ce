package org.tamebnn.api.milp;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Common solve parameters. Each is optional: unset means the backend's own default. A backend
 * that lacks the matching {@link Capability} ignores a set value and says so in its
 * {@link SolverInfo}; callers check {@link SolverInfo#supports} when it matters.
 */
public final class SolveParams {
    private static final SolveParams DEFAULTS = new SolveParams(null, null, null, null, null);

    private final Duration timeLimit;
    private final Integer threads;
    private final Double relativeGap;
    private final Long seed;
    private final double[] mipStart;

    private SolveParams(Duration timeLimit, Integer threads, Double relativeGap, Long seed, double[] mipStart) {
        this.timeLimit = timeLimit;
        this.threads = threads;
        this.relativeGap = relativeGap;
        this.seed = seed;
        this.mipStart = mipStart;
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

    public SolveParams withTimeLimit(Duration limit) {
        if (limit != null && (limit.isNegative() || limit.isZero())) {
            throw new IllegalArgumentException("time limit must be positive, got " + limit);
        }
        return new SolveParams(limit, threads, relativeGap, seed, mipStart);
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
        return new SolveParams(timeLimit, count, relativeGap, seed, mipStart);
    }

    public SolveParams withRelativeGap(double gap) {
        if (!(gap >= 0) || Double.isInfinite(gap)) {
            throw new IllegalArgumentException("relative gap must be a finite number >= 0, got " + gap);
        }
        return new SolveParams(timeLimit, threads, gap, seed, mipStart);
    }

    public SolveParams withSeed(long value) {
        return new SolveParams(timeLimit, threads, relativeGap, value, mipStart);
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
        return new SolveParams(timeLimit, threads, relativeGap, seed, start == null ? null : start.clone());
    }

    @Override
    public String toString() {
        return "SolveParams[timeLimit=" + timeLimit + ", threads=" + threads + ", relativeGap=" + relativeGap
                + ", seed=" + seed + ", mipStart=" + (mipStart == null ? "none" : mipStart.length + " values") + "]";
    }
}
