package org.tamebnn.solver.gurobi;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.tamebnn.api.milp.AbstractMilpSolver;
import org.tamebnn.api.milp.Availability;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.Deadline;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.Row;
import org.tamebnn.api.milp.Sense;
import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.api.milp.SolverInfo;
import org.tamebnn.api.milp.Variable;

import com.gurobi.gurobi.GRB;
import com.gurobi.gurobi.GRBConstr;
import com.gurobi.gurobi.GRBEnv;
import com.gurobi.gurobi.GRBException;
import com.gurobi.gurobi.GRBLinExpr;
import com.gurobi.gurobi.GRBModel;
import com.gurobi.gurobi.GRBVar;

/**
 * Gurobi through its own Java API. One environment and one model per solve, both disposed on every
 * path (Gurobi's environments are not for concurrent solves), so one service serves several threads.
 * The service registers whether or not a licence is found; without one, {@link #availability()}
 * says so with Gurobi's own message, and every solve is an ERROR result saying the same.
 */
@Component(service = MilpSolver.class, property = MilpSolver.NAME_PROPERTY + "=" + GurobiSolver.NAME)
public final class GurobiSolver extends AbstractMilpSolver {
    static final String NAME = "gurobi";

    /** Gurobi's version, from the constants compiled in: known without loading the native library. */
    static final String VERSION = GRB.VERSION_MAJOR + "." + GRB.VERSION_MINOR + "." + GRB.VERSION_TECHNICAL;

    private static final SolverInfo INFO = new SolverInfo(NAME, "Gurobi through its Java API (jar embedded)", VERSION,
            EnumSet.of(Capability.INTEGER_VARIABLES, Capability.LP_DUALS, Capability.TIME_LIMIT, Capability.THREADS,
                    Capability.RELATIVE_GAP, Capability.RANDOM_SEED, Capability.BEST_BOUND, Capability.MIP_START,
                    Capability.PROGRESS, Capability.CANCELLATION, Capability.NODE_LIMIT, Capability.SOLUTION_LIMIT,
                    Capability.ITERATION_LIMIT, Capability.RAW_OPTIONS),
            "needs a Gurobi licence (GRB_LICENSE_FILE, ~/gurobi.lic or a Web License Service); one environment per"
                    + " solve, so each solve checks the licence again; raw options are Gurobi's parameters by name,"
                    + " set on the environment before it starts (licence and Compute Server ones too)");

    @Override
    public SolverInfo info() {
        return INFO;
    }

    @Override
    public Availability availability() {
        return GurobiLicence.availability();
    }

    @Override
    protected SolveResult solveChecked(MilpModel model, SolveParams params, SolveListener listener,
            CancellationToken cancellation, long startNanos) {
        GRBEnv env = null;
        GRBModel grb = null;
        try {
            env = new GRBEnv(true);
            configure(env, params);
            env.start();
            grb = new GRBModel(env);
            long translateStart = System.nanoTime();
            GRBVar[] vars = grb.addVars(bounds(model, true), bounds(model, false), model.objective(), types(model),
                    null);
            GRBConstr[] rows = addRows(grb, vars, model);
            grb.set(GRB.IntAttr.ModelSense, model.sense() == Sense.MAXIMIZE ? GRB.MAXIMIZE : GRB.MINIMIZE);
            grb.set(GRB.DoubleAttr.ObjCon, model.objectiveOffset());
            if (params.mipStart().isPresent() && model.hasIntegers()) {
                grb.set(GRB.DoubleAttr.Start, vars, start(params.mipStart().get(), model));
            }
            grb.update();
            Duration translation = elapsed(translateStart);
            Optional<Deadline> deadline = Deadline.of(params.timeLimit(), startNanos);
            if (deadline.isPresent()) {
                grb.set(GRB.DoubleParam.TimeLimit, deadline.get().remainingMillis() / 1000.0);
            }
            grb.setCallback(new ProgressCallback(listener, cancellation, model.sense(), startNanos));
            Terminator terminator = new Terminator(grb);
            try (terminator; CancellationToken.Registration stop = cancellation.onCancel(terminator::terminate)) {
                grb.optimize();
            }
            return result(grb, vars, rows, model).withModelTime(translation);
        } catch (GRBException e) {
            throw new IllegalStateException("Gurobi error " + e.getErrorCode() + ": "
                    + GurobiLicence.oneLine(String.valueOf(e.getMessage())), e);
        } finally {
            if (grb != null) {
                grb.dispose();
            }
            GurobiLicence.dispose(env);
        }
    }

    /**
     * Terminates a running model from the cancelling thread, never once closed: a registration's
     * close does not wait for an action already running, and the model is disposed right after, so
     * a terminate in flight would touch freed native memory.
     */
    private static final class Terminator implements AutoCloseable {
        private final GRBModel model;
        private boolean closed;

        Terminator(GRBModel model) {
            this.model = model;
        }

        synchronized void terminate() {
            if (!closed) {
                model.terminate();
            }
        }

        @Override
        public synchronized void close() {
            closed = true;
        }
    }

    /**
     * Sets the solve parameters on an environment that has not started, then the caller's raw
     * options over them. A name Gurobi does not know, or a value it refuses, fails the solve with
     * a message naming the option and Gurobi's own words.
     */
    static void configure(GRBEnv env, SolveParams params) throws GRBException {
        env.set(GRB.IntParam.OutputFlag, 0);
        if (params.threads().isPresent()) {
            env.set(GRB.IntParam.Threads, params.threads().getAsInt());
        }
        if (params.seed().isPresent()) {
            env.set(GRB.IntParam.Seed, (int) Math.floorMod(params.seed().getAsLong(), (long) GRB.MAXINT));
        }
        if (params.relativeGap().isPresent()) {
            env.set(GRB.DoubleParam.MIPGap, params.relativeGap().getAsDouble());
        }
        if (params.nodeLimit().isPresent()) {
            env.set(GRB.DoubleParam.NodeLimit, params.nodeLimit().getAsLong());
        }
        if (params.solutionLimit().isPresent()) {
            env.set(GRB.IntParam.SolutionLimit, params.solutionLimit().getAsInt());
        }
        if (params.iterationLimit().isPresent()) {
            env.set(GRB.DoubleParam.IterationLimit, params.iterationLimit().getAsLong());
        }
        for (Map.Entry<String, String> option : params.options().entrySet()) {
            try {
                env.set(option.getKey(), option.getValue());
            } catch (GRBException e) {
                String gurobi = GurobiLicence.oneLine(String.valueOf(e.getMessage()));
                throw new IllegalArgumentException(e.getErrorCode() == GRB.Error.UNKNOWN_PARAMETER
                        ? "Gurobi has no parameter '" + option.getKey() + "' (" + gurobi + ")"
                        : "Gurobi refused " + option.getKey() + "=" + option.getValue() + " (" + gurobi + ")", e);
            }
        }
    }

    private static double[] bounds(MilpModel model, boolean lower) {
        double[] b = new double[model.variableCount()];
        for (int j = 0; j < b.length; j++) {
            Variable v = model.variable(j);
            b[j] = gurobi(lower ? v.lower() : v.upper());
        }
        return b;
    }

    private static char[] types(MilpModel model) {
        char[] t = new char[model.variableCount()];
        for (int j = 0; j < t.length; j++) {
            t[j] = model.variable(j).isInteger() ? GRB.INTEGER : GRB.CONTINUOUS;
        }
        return t;
    }

    /**
     * One Gurobi constraint per row, in the model's order (so that duals line up): an equality, a
     * one-sided row by its sense, a row with two finite sides as a range (Gurobi adds a range
     * variable of its own for it, which the solution leaves out), a row free on both sides as
     * {@code ≤ GRB.INFINITY}.
     */
    private static GRBConstr[] addRows(GRBModel grb, GRBVar[] vars, MilpModel model) throws GRBException {
        GRBConstr[] constrs = new GRBConstr[model.rowCount()];
        for (int i = 0; i < constrs.length; i++) {
            Row row = model.row(i);
            GRBLinExpr expr = new GRBLinExpr();
            int[] columns = row.columns();
            GRBVar[] terms = new GRBVar[columns.length];
            for (int k = 0; k < columns.length; k++) {
                terms[k] = vars[columns[k]];
            }
            expr.addTerms(row.coefficients(), terms);
            boolean hasLower = row.lower() > Double.NEGATIVE_INFINITY;
            boolean hasUpper = row.upper() < Double.POSITIVE_INFINITY;
            if (row.isEquality()) {
                constrs[i] = grb.addConstr(expr, GRB.EQUAL, row.lower(), null);
            } else if (hasLower && hasUpper) {
                constrs[i] = grb.addRange(expr, row.lower(), row.upper(), null);
            } else if (hasLower) {
                constrs[i] = grb.addConstr(expr, GRB.GREATER_EQUAL, row.lower(), null);
            } else {
                constrs[i] = grb.addConstr(expr, GRB.LESS_EQUAL, gurobi(row.upper()), null);
            }
        }
        return constrs;
    }

    /** The MIP start as Gurobi's Start attribute: NaN (no value suggested) becomes GRB.UNDEFINED. */
    private static double[] start(double[] start, MilpModel model) {
        if (start.length != model.variableCount()) {
            throw new IllegalArgumentException("the MIP start has " + start.length + " values; model '" + model.name()
                    + "' has " + model.variableCount() + " variables");
        }
        double[] s = start.clone();
        for (int j = 0; j < s.length; j++) {
            if (Double.isNaN(s[j])) {
                s[j] = GRB.UNDEFINED;
            }
        }
        return s;
    }

    /** Infinite bounds as Gurobi writes them (±1e100). */
    private static double gurobi(double v) {
        return Math.max(-GRB.INFINITY, Math.min(GRB.INFINITY, v));
    }

    private static SolveResult result(GRBModel grb, GRBVar[] vars, GRBConstr[] rows, MilpModel model)
            throws GRBException {
        GurobiStatus status = GurobiStatus.of(grb.get(GRB.IntAttr.Status));
        boolean hasPoint = grb.get(GRB.IntAttr.SolCount) > 0;
        double[] values = !hasPoint ? null : vars.length == 0 ? new double[0] : grb.get(GRB.DoubleAttr.X, vars);
        double objective = hasPoint ? grb.get(GRB.DoubleAttr.ObjVal) : Double.NaN;
        boolean optimalLp = !model.hasIntegers() && status.reason() == SolveStatus.OPTIMAL;
        double bound;
        long nodes;
        double[] duals = null;
        if (model.hasIntegers()) {
            bound = ProgressCallback.known(attribute(grb, GRB.DoubleAttr.ObjBound));
            double explored = attribute(grb, GRB.DoubleAttr.NodeCount);
            nodes = Double.isNaN(explored) ? -1 : (long) explored;
        } else {
            // an LP's optimum is its own bound (the dual objective equals it)
            bound = optimalLp && hasPoint ? objective : Double.NaN;
            nodes = 0;
            if (optimalLp) {
                // Pi is ∂optimum/∂rhs in either sense (Gurobi flips its signs for maximisation): the kit's convention
                duals = rows.length == 0 ? new double[0] : grb.get(GRB.DoubleAttr.Pi, rows);
            }
        }
        return status.result(objective, bound, values, duals, nodes);
    }

    /** A double attribute of the model, or NaN where Gurobi has none to give (DATA_NOT_AVAILABLE). */
    private static double attribute(GRBModel grb, GRB.DoubleAttr attr) throws GRBException {
        try {
            return grb.get(attr);
        } catch (GRBException e) {
            if (e.getErrorCode() == GRB.Error.DATA_NOT_AVAILABLE) {
                return Double.NaN;
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        return NAME;
    }
}
