package org.tamebnn.losses;

import java.util.Arrays;

/** Where a convex loss's tangent lines touch it: an even grid over the output's range, plus the target. */
final class Tangents {

    private Tangents() {
    }

    /**
     * Breakpoints lo = t₀ &lt; … &lt; t_n = hi with spacing at most {@code h}, and the target (clamped
     * into [lo, hi]) among them, so that a perfect fit o = y costs exactly 0 rather than up to h²/4.
     * The endpoints matter: beyond the outermost breakpoints the tangents' error grows without bound,
     * and the output never leaves [lo, hi].
     */
    static double[] breakpoints(double lo, double hi, double h, double target) {
        int intervals = Math.max(1, (int) Math.ceil((hi - lo) / h));
        double step = (hi - lo) / intervals;
        double y = Math.clamp(target, lo, hi);
        double[] grid = new double[intervals + 2];
        for (int i = 0; i <= intervals; i++) {
            grid[i] = i == intervals ? hi : lo + i * step;
        }
        grid[intervals + 1] = y;
        return Arrays.stream(grid).sorted().distinct().toArray();
    }
}
