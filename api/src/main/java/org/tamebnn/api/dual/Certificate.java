package org.tamebnn.api.dual;

/**
 * Why a dual function's values are lower bounds on the value function, stated so that two
 * different guarantees are never confused.
 *
 * @param kind which guarantee
 * @param tolerance the numerical tolerance every bound from this function carries: a value F(d)
 *     certifies z(d) ≥ F(d) − tolerance
 * @param evidence what was checked, in words (the conditions of (7) verified and how, or the
 *     leaves of the tree re-checked), or why nothing is certified
 */
public record Certificate(Kind kind, double tolerance, String evidence) {

    public enum Kind {
        /**
         * Feasible for the subadditive dual (Aspman et al. (7)): F(0) = 0, F(aⱼ) ≤ cⱼ on integer
         * columns, F̄(aⱼ) ≤ cⱼ on continuous ones, monotone in the coordinates of inequality rows,
         * subadditive. Then F(d) ≤ z(d) at every d.
         */
        SUBADDITIVE_DUAL_FEASIBLE,
        /**
         * A lower bound at every d by how it was built, though not necessarily subadditive: a
         * branch-and-bound or branch-and-cut dual, whose certificate is its leaves' LP duals
         * re-checked for dual feasibility.
         */
        VALID_BY_CONSTRUCTION,
        /** Not a bound: a local model of z (such as the paper's two-segment function (12)), or a check that failed. */
        NOT_A_BOUND
    }

    public boolean isBound() {
        return kind != Kind.NOT_A_BOUND;
    }

    public static Certificate notABound(String why) {
        return new Certificate(Kind.NOT_A_BOUND, Double.NaN, why);
    }

    public String describe() {
        return switch (kind) {
            case SUBADDITIVE_DUAL_FEASIBLE -> "subadditive-dual feasible (tolerance " + tolerance + "): " + evidence;
            case VALID_BY_CONSTRUCTION -> "valid by construction (tolerance " + tolerance + "): " + evidence;
            case NOT_A_BOUND -> "not a bound: " + evidence;
        };
    }
}
