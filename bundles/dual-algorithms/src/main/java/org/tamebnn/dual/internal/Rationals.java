package org.tamebnn.dual.internal;

import java.math.BigInteger;

import org.apache.commons.numbers.fraction.BigFraction;

/**
 * Exact rational helpers for the constructions that must round exactly (Chvátal and Gomory
 * functions, notes §4.1 and §6.5): the model's doubles read as the rationals they were meant to
 * be, and floor, ceiling and fractional part, which {@link BigFraction} does not have.
 *
 * <p>Compare with {@link #compare}, never {@link BigFraction#compareTo}: in commons-numbers 1.2
 * the latter compares two negative fractions by magnitude without flipping the result
 * (−3 compares above −2). Denominators may also be negative after a division, so everything here
 * reads the sign from {@link BigFraction#signum()}.
 */
public final class Rationals {
    private Rationals() {
    }

    /**
     * The simplest rational that a double rounds from: the first continued-fraction convergent of
     * the double's exact binary value that converts back to the same double. So 0.1 reads as 1/10
     * and 1.0/3 as 1/3, as a modeller typing them meant, rather than as the nearest dyadic
     * fraction; a double that is not such a rational reads as its exact binary value.
     *
     * @throws IllegalArgumentException for NaN or an infinity
     */
    public static BigFraction of(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("no rational for " + x);
        }
        if (x == Math.rint(x) && Math.abs(x) < 0x1p62) {
            return BigFraction.of((long) x);
        }
        BigFraction exact = BigFraction.from(x);
        BigInteger num = exact.getNumerator();
        BigInteger den = exact.getDenominator();
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        // convergents p_k/q_k of num/den
        BigInteger p0 = BigInteger.ZERO;
        BigInteger q0 = BigInteger.ONE;
        BigInteger p1 = BigInteger.ONE;
        BigInteger q1 = BigInteger.ZERO;
        while (den.signum() != 0) {
            BigInteger[] qr = floorDivRem(num, den);
            BigInteger a = qr[0];
            BigInteger p2 = a.multiply(p1).add(p0);
            BigInteger q2 = a.multiply(q1).add(q0);
            BigFraction candidate = BigFraction.of(p2, q2);
            if (candidate.doubleValue() == x) {
                return candidate;
            }
            p0 = p1;
            q0 = q1;
            p1 = p2;
            q1 = q2;
            num = den;
            den = qr[1];
        }
        return exact;
    }

    /** {@link #of(double)} of each entry. */
    public static BigFraction[] of(double[] xs) {
        BigFraction[] r = new BigFraction[xs.length];
        for (int i = 0; i < xs.length; i++) {
            r[i] = of(xs[i]);
        }
        return r;
    }

    /** The order of a and b: negative, zero or positive as a &lt; b, a = b, a &gt; b. */
    public static int compare(BigFraction a, BigFraction b) {
        return a.subtract(b).signum();
    }

    /** ⌊x⌋. */
    public static BigInteger floor(BigFraction x) {
        BigInteger num = x.getNumerator();
        BigInteger den = x.getDenominator();
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        return floorDivRem(num, den)[0];
    }

    /** ⌈x⌉. */
    public static BigInteger ceil(BigFraction x) {
        return floor(x.negate()).negate();
    }

    /** x − ⌊x⌋, in [0, 1). */
    public static BigFraction frac(BigFraction x) {
        return x.subtract(floor(x));
    }

    public static boolean isInteger(BigFraction x) {
        return x.getDenominator().abs().equals(BigInteger.ONE) || x.isZero();
    }

    /** The least common multiple of the denominators: the factor that makes every entry an integer. */
    public static BigInteger denominatorLcm(BigFraction... xs) {
        BigInteger l = BigInteger.ONE;
        for (BigFraction x : xs) {
            BigInteger d = x.getDenominator().abs();
            l = l.divide(l.gcd(d)).multiply(d);
        }
        return l;
    }

    public static BigFraction dot(BigFraction[] a, BigFraction[] b) {
        BigFraction s = BigFraction.ZERO;
        for (int i = 0; i < a.length; i++) {
            if (!a[i].isZero() && !b[i].isZero()) {
                s = s.add(a[i].multiply(b[i]));
            }
        }
        return s;
    }

    static BigFraction max(BigFraction a, BigFraction b) {
        return compare(a, b) >= 0 ? a : b;
    }

    static BigFraction min(BigFraction a, BigFraction b) {
        return compare(a, b) <= 0 ? a : b;
    }

    static BigFraction[] zeros(int n) {
        BigFraction[] z = new BigFraction[n];
        java.util.Arrays.fill(z, BigFraction.ZERO);
        return z;
    }

    /** Quotient rounded toward −∞ and the remainder in [0, den), for den > 0. */
    private static BigInteger[] floorDivRem(BigInteger num, BigInteger den) {
        BigInteger[] qr = num.divideAndRemainder(den);
        if (qr[1].signum() < 0) {
            qr[0] = qr[0].subtract(BigInteger.ONE);
            qr[1] = qr[1].add(den);
        }
        return qr;
    }
}
