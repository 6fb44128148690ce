package org.tamebnn.bnn;

import java.util.Locale;

/**
 * The norm of the uncertainty set of Bah &amp; Kurtz, Section 4: each training point x may be
 * disturbed by any δ with ‖δ‖ ≤ r. The ℓ∞ ball is a box, the ℓ1 ball a cross-polytope; both are
 * polyhedra, so the adversarial problem over them stays a MILP.
 */
public enum PerturbationNorm {
    /** ‖δ‖∞ = max_j |δ_j|: every feature may move by up to r at once. */
    LINF,
    /** ‖δ‖₁ = Σ_j |δ_j|: a total budget r of movement shared by the features. */
    L1;

    /** ‖v‖ in this norm. */
    public double of(double[] v) {
        double n = 0;
        for (double d : v) {
            n = this == LINF ? Math.max(n, Math.abs(d)) : n + Math.abs(d);
        }
        return n;
    }

    /** ‖a − b‖ in this norm. */
    public double distance(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of " + a.length + " and " + b.length + " features");
        }
        double[] d = new double[a.length];
        for (int j = 0; j < d.length; j++) {
            d[j] = a[j] - b[j];
        }
        return of(d);
    }

    /** "linf" or "l1", as on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads "linf" / "l∞" / "inf" or "l1", in any case. */
    public static PerturbationNorm parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "linf", "l∞", "inf", "infinity" -> LINF;
            case "l1", "1" -> L1;
            default -> throw new IllegalArgumentException("unknown norm '" + text + "': expected linf or l1");
        };
    }
}
