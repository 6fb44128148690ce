package org.tamebnn.dual.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.numbers.fraction.BigFraction;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.Row;
import org.tamebnn.api.milp.Sense;
import org.tamebnn.api.milp.Variable;
import org.tamebnn.dual.StandardForm;
import org.tamebnn.dual.StandardForm.ColumnKind;
import org.tamebnn.dual.StandardForm.RowKind;

/**
 * The transformation of {@link StandardForm}, computed exactly in rationals (each double of the
 * model read as {@link Rationals#of(double)}) and handed over as plain arrays of doubles, so that
 * the exported class carries no type of the embedded fraction library. See {@link StandardForm}
 * for the mapping itself.
 */
public final class StandardFormComputation {

    /** +1 for a minimisation, −1 for a maximisation. */
    public final int rho;
    /** Each standard column's non-zero rows, increasing, and their values. */
    public final int[][] columnRows;
    public final double[][] columnValues;
    public final double[] cost;
    public final boolean[] integer;
    public final ColumnKind[] columnKind;
    public final int[] columnOrigin;
    public final RowKind[] rowKind;
    public final int[] rowOrigin;
    public final double[] rhs;
    /** The standard row of each varying model row, and A_v s for it. */
    public final int[] varyingStandard;
    public final double[] shift;
    /** κ = ρ·(c·s + offset). */
    public final double kappa;
    /** s_j of each original variable, and its standard columns (−1 for none). */
    public final double[] variableShift;
    public final int[] positiveColumn;
    public final int[] negativeColumn;

    /** The standard form of {@code model} with the model rows {@code varying} varying (already checked). */
    public static StandardFormComputation of(MilpModel model, int[] varying) {
        return new StandardFormComputation(model, varying);
    }

    /** A non-zero of a standard column. */
    private record Entry(int row, BigFraction value) {
    }

    /** A term of an original row: variable and coefficient. */
    private record Term(int variable, BigFraction coefficient) {
    }

    private final List<List<Entry>> entries = new ArrayList<>();
    private final List<BigFraction> costs = new ArrayList<>();
    private final List<Boolean> integers = new ArrayList<>();
    private final List<ColumnKind> columnKinds = new ArrayList<>();
    private final List<Integer> columnOrigins = new ArrayList<>();
    private final List<RowKind> rowKinds = new ArrayList<>();
    private final List<Integer> rowOrigins = new ArrayList<>();
    private final List<BigFraction> rhss = new ArrayList<>();

    private StandardFormComputation(MilpModel model, int[] varying) {
        this.rho = model.sense() == Sense.MAXIMIZE ? -1 : 1;
        int nv = model.variableCount();
        BigFraction[] exactShift = new BigFraction[nv];
        positiveColumn = new int[nv];
        negativeColumn = new int[nv];
        Arrays.fill(positiveColumn, -1);
        Arrays.fill(negativeColumn, -1);
        BigFraction[] lower = new BigFraction[nv];
        BigFraction[] upper = new BigFraction[nv];
        // 1. the variables: shift, negate, split or drop
        BigFraction k = BigFraction.ZERO;
        for (int j = 0; j < nv; j++) {
            Variable v = model.variable(j);
            double lo = v.lower();
            double hi = v.upper();
            if (v.isInteger()) {
                lo = Double.isInfinite(lo) ? lo : roundInwards(lo, true);
                hi = Double.isInfinite(hi) ? hi : roundInwards(hi, false);
                if (lo > hi) {
                    throw new IllegalArgumentException("integer variable '" + v.name() + "' has no integer value in ["
                            + v.lower() + ", " + v.upper() + "]: the model is infeasible at every right-hand side");
                }
            }
            lower[j] = Double.isInfinite(lo) ? null : Rationals.of(lo);
            upper[j] = Double.isInfinite(hi) ? null : Rationals.of(hi);
            BigFraction cj = Rationals.of(model.objectiveCoefficient(j)).multiply(rho);
            if (lower[j] != null && upper[j] != null && lower[j].equals(upper[j])) {
                exactShift[j] = lower[j];
            } else if (lower[j] != null) {
                exactShift[j] = lower[j];
                positiveColumn[j] = addColumn(cj, v.isInteger(), ColumnKind.VARIABLE, j);
            } else if (upper[j] != null) {
                exactShift[j] = upper[j];
                positiveColumn[j] = addColumn(cj.negate(), v.isInteger(), ColumnKind.NEGATED_VARIABLE, j);
            } else {
                exactShift[j] = BigFraction.ZERO;
                positiveColumn[j] = addColumn(cj, v.isInteger(), ColumnKind.POSITIVE_PART, j);
                negativeColumn[j] = addColumn(cj.negate(), v.isInteger(), ColumnKind.NEGATIVE_PART, j);
            }
            k = k.add(cj.multiply(exactShift[j]));
        }
        BigFraction exactKappa = k.add(Rationals.of(model.objectiveOffset()).multiply(rho));

        // 2. the model rows
        boolean[] isVarying = new boolean[model.rowCount()];
        for (int r : varying) {
            isVarying[r] = true;
        }
        int[] standardOfRow = new int[model.rowCount()];
        BigFraction[] rowShift = new BigFraction[model.rowCount()];
        for (int i = 0; i < model.rowCount(); i++) {
            Row row = model.row(i);
            boolean lowerFinite = Double.isFinite(row.lower());
            boolean upperFinite = Double.isFinite(row.upper());
            standardOfRow[i] = -1;
            if (!lowerFinite && !upperFinite) {
                continue;
            }
            // a^i·s, and whether the row's terms are all integer columns with integer coefficients
            BigFraction as = BigFraction.ZERO;
            boolean integral = true;
            List<Term> terms = new ArrayList<>();
            for (int q = 0; q < row.size(); q++) {
                int j = row.column(q);
                BigFraction a = Rationals.of(row.coefficient(q));
                as = as.add(a.multiply(exactShift[j]));
                if (positiveColumn[j] >= 0) {
                    integral &= model.variable(j).isInteger() && Rationals.isInteger(a);
                }
                terms.add(new Term(j, a));
            }
            rowShift[i] = as;
            if (row.isEquality()) {
                standardOfRow[i] = addRow(terms, Rationals.of(row.lower()).subtract(as), RowKind.EQUALITY, i);
            } else if (lowerFinite && upperFinite) {
                BigFraction lo = Rationals.of(row.lower()).subtract(as);
                BigFraction hi = Rationals.of(row.upper()).subtract(as);
                int r1 = addRow(terms, lo, RowKind.RANGE_LOWER, i);
                addSlack(r1, -1, integral && Rationals.isInteger(lo), ColumnKind.SURPLUS, i);
                int r2 = addRow(terms, hi, RowKind.RANGE_UPPER, i);
                addSlack(r2, +1, integral && Rationals.isInteger(hi), ColumnKind.SLACK, i);
            } else {
                BigFraction b = Rationals.of(lowerFinite ? row.lower() : row.upper()).subtract(as);
                int r = addRow(terms, b, lowerFinite ? RowKind.AT_LEAST : RowKind.AT_MOST, i);
                standardOfRow[i] = r;
                // a varying row's slack stays continuous (see the class comment)
                boolean integerSlack = !isVarying[i] && integral && Rationals.isInteger(b);
                addSlack(r, lowerFinite ? -1 : +1, integerSlack, lowerFinite ? ColumnKind.SURPLUS : ColumnKind.SLACK, i);
            }
        }

        // 3. the upper bounds as rows x'_j + t_j = u_j − l_j
        for (int j = 0; j < nv; j++) {
            if (positiveColumn[j] >= 0 && columnKinds.get(positiveColumn[j]) == ColumnKind.VARIABLE
                    && upper[j] != null) {
                int r = rowKinds.size();
                rowKinds.add(RowKind.UPPER_BOUND);
                rowOrigins.add(j);
                rhss.add(upper[j].subtract(lower[j]));
                entries.get(positiveColumn[j]).add(new Entry(r, BigFraction.ONE));
                int t = addColumn(BigFraction.ZERO, model.variable(j).isInteger(), ColumnKind.BOUND_SLACK, j);
                entries.get(t).add(new Entry(r, BigFraction.ONE));
            }
        }

        varyingStandard = new int[varying.length];
        shift = new double[varying.length];
        for (int q = 0; q < varying.length; q++) {
            varyingStandard[q] = standardOfRow[varying[q]];
            shift[q] = rowShift[varying[q]].doubleValue();
        }

        // 4. the plain arrays the exported class keeps
        kappa = exactKappa.doubleValue();
        variableShift = Arrays.stream(exactShift).mapToDouble(BigFraction::doubleValue).toArray();
        int n = entries.size();
        columnRows = new int[n][];
        columnValues = new double[n][];
        cost = new double[n];
        integer = new boolean[n];
        for (int j = 0; j < n; j++) {
            List<Entry> col = entries.get(j);
            col.sort((p, q) -> Integer.compare(p.row(), q.row()));
            columnRows[j] = col.stream().mapToInt(Entry::row).toArray();
            columnValues[j] = col.stream().mapToDouble(e -> e.value().doubleValue()).toArray();
            cost[j] = costs.get(j).doubleValue();
            integer[j] = integers.get(j);
        }
        columnKind = columnKinds.toArray(ColumnKind[]::new);
        columnOrigin = columnOrigins.stream().mapToInt(Integer::intValue).toArray();
        rowKind = rowKinds.toArray(RowKind[]::new);
        rowOrigin = rowOrigins.stream().mapToInt(Integer::intValue).toArray();
        rhs = rhss.stream().mapToDouble(BigFraction::doubleValue).toArray();
    }

    private int addColumn(BigFraction c, boolean isInteger, ColumnKind kind, int origin) {
        entries.add(new ArrayList<>());
        costs.add(c);
        integers.add(isInteger);
        columnKinds.add(kind);
        columnOrigins.add(origin);
        return entries.size() - 1;
    }

    /** Adds a row over the original terms, substituted into the standard columns. */
    private int addRow(List<Term> terms, BigFraction b, RowKind kind, int origin) {
        int r = rowKinds.size();
        rowKinds.add(kind);
        rowOrigins.add(origin);
        rhss.add(b);
        for (Term t : terms) {
            int j = t.variable();
            if (positiveColumn[j] >= 0) {
                BigFraction a = columnKinds.get(positiveColumn[j]) == ColumnKind.NEGATED_VARIABLE
                        ? t.coefficient().negate() : t.coefficient();
                entries.get(positiveColumn[j]).add(new Entry(r, a));
            }
            if (negativeColumn[j] >= 0) {
                entries.get(negativeColumn[j]).add(new Entry(r, t.coefficient().negate()));
            }
        }
        return r;
    }

    private void addSlack(int row, int sign, boolean isInteger, ColumnKind kind, int origin) {
        int s = addColumn(BigFraction.ZERO, isInteger, kind, origin);
        entries.get(s).add(new Entry(row, BigFraction.of(sign)));
    }

    /** ⌈l⌉ or ⌊u⌋, treating a bound within 1e-9 of an integer as that integer (a bound 0.9999999999 is 1). */
    private static double roundInwards(double bound, boolean lower) {
        double r = Math.rint(bound);
        if (Math.abs(bound - r) <= 1e-9 * Math.max(1, Math.abs(bound))) {
            return r;
        }
        return lower ? Math.ceil(bound) : Math.floor(bound);
    }
}
