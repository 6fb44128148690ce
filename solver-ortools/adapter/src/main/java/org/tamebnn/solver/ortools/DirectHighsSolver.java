package org.tamebnn.solver.ortools;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Component;
import org.tamebnn.api.milp.AbstractMilpSolver;
import org.tamebnn.api.milp.Availability;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.ColumnMatrix;
import org.tamebnn.api.milp.Limit;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.Sense;
import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.api.milp.SolverInfo;
import org.tamebnn.api.milp.Variable;

/**
 * HiGHS through its own C API ({@link HighsLibrary}), not OR-Tools' MPSolver: the solve takes a
 * MIP start (complete or partial), reports progress from HiGHS's MIP callbacks (time, nodes,
 * incumbent, bound) at once on a new incumbent and otherwise every half second while HiGHS calls
 * back, stops within a callback when cancelled (the MIP interrupt callback), and returns the
 * incumbent and bound at any limit. {@code ortools-highs} stays, for comparison.
 */
@Component(service = MilpSolver.class, property = MilpSolver.NAME_PROPERTY + "=highs")
public final class DirectHighsSolver extends AbstractMilpSolver {
    /** The running solves by id, for the callback, which gets only the id from HiGHS. */
    private static final Map<Long, Running> RUNNING = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();
    /** {@code HighsCallbackDataOut} of HiGHS 1.12: byte offsets of the fields read. */
    private static final long NODE_COUNT = 48;
    private static final long PRIMAL_BOUND = 64;
    private static final long DUAL_BOUND = 72;
    private static final long OUT_SIZE = 88;
    private static final MemorySegment CALLBACK = Ffm.upcall(MethodHandles.lookup(), "callback",
            FunctionDescriptor.ofVoid(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS));

    private final SolverInfo info = new SolverInfo("highs", "HiGHS through its C API (java.lang.foreign)",
            HighsLibrary.BUNDLED.version(l -> l.version), EnumSet.of(Capability.INTEGER_VARIABLES, Capability.LP_DUALS, Capability.TIME_LIMIT, Capability.THREADS,
                    Capability.RELATIVE_GAP, Capability.RANDOM_SEED, Capability.BEST_BOUND, Capability.MIP_START,
                    Capability.PROGRESS, Capability.CANCELLATION, Capability.NODE_LIMIT, Capability.SOLUTION_LIMIT,
                    Capability.ITERATION_LIMIT, Capability.RAW_OPTIONS),
            "HiGHS's own C API: MIP start, live progress, interruption, incumbent and bound at a limit");

    /** One solve's progress reports and cancellation, as the callback sees them. */
    private record Running(ProgressReports progress, CancellationToken cancel) {
    }

    @Override
    public SolverInfo info() {
        return info;
    }

    @Override
    public Availability availability() {
        return HighsLibrary.BUNDLED.availability();
    }

    @Override
    protected SolveResult solveChecked(MilpModel model, SolveParams params, SolveListener listener,
            CancellationToken cancellation, long startNanos) {
        HighsLibrary lib = HighsLibrary.BUNDLED.get();
        long id = IDS.incrementAndGet();
        RUNNING.put(id, new Running(new ProgressReports(listener, startNanos), cancellation));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment h = (MemorySegment) lib.create.invokeExact();
            try {
                return solve(lib, h, arena, id, model, params, startNanos);
            } finally {
                lib.destroy.invokeExact(h);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("HiGHS: " + t, t);
        } finally {
            RUNNING.remove(id);
        }
    }

    private static SolveResult solve(HighsLibrary lib, MemorySegment h, Arena arena, long id, MilpModel model,
            SolveParams params, long startNanos) throws Throwable {
        option(lib.setBoolOption, h, arena, "output_flag", 0);
        if (params.timeLimit().isPresent()) {
            double seconds = Math.max(1e-3, params.timeLimit().get().toNanos() / 1e9 - elapsed(startNanos).toNanos() / 1e9);
            option(lib.setDoubleOption, h, arena, "time_limit", seconds);
        }
        if (params.threads().isPresent()) {
            option(lib.setIntOption, h, arena, "threads", params.threads().getAsInt());
        }
        if (params.seed().isPresent()) {
            option(lib.setIntOption, h, arena, "random_seed", (int) Math.floorMod(params.seed().getAsLong(), Integer.MAX_VALUE));
        }
        if (params.relativeGap().isPresent()) {
            option(lib.setDoubleOption, h, arena, "mip_rel_gap", params.relativeGap().getAsDouble());
        }
        if (params.nodeLimit().isPresent()) {
            option(lib.setIntOption, h, arena, "mip_max_nodes", (int) Math.min(Integer.MAX_VALUE, params.nodeLimit().getAsLong()));
        }
        if (params.solutionLimit().isPresent()) {
            option(lib.setIntOption, h, arena, "mip_max_improving_sols", params.solutionLimit().getAsInt());
        }
        if (params.iterationLimit().isPresent()) {
            option(lib.setIntOption, h, arena, "simplex_iteration_limit",
                    (int) Math.min(Integer.MAX_VALUE, params.iterationLimit().getAsLong()));
        }
        for (Map.Entry<String, String> o : params.options().entrySet()) {
            rawOption(lib, h, arena, o.getKey(), o.getValue());
        }
        long translateStart = System.nanoTime();
        pass(lib, h, arena, model);
        Duration translation = elapsed(translateStart);
        int n = model.variableCount();
        if (params.mipStart().isPresent() && model.hasIntegers()) {
            start(lib, h, arena, model, params.mipStart().get());
        }
        MemorySegment user = arena.allocate(JAVA_LONG);
        user.set(JAVA_LONG, 0, id);
        check((int) lib.setCallback.invokeExact(h, CALLBACK, user), "the callback");
        for (int type : new int[] {HighsLibrary.CALLBACK_MIP_IMPROVING, HighsLibrary.CALLBACK_MIP_LOGGING,
                HighsLibrary.CALLBACK_MIP_INTERRUPT}) {
            check((int) lib.startCallback.invokeExact(h, type), "the callback");
        }
        int runStatus = (int) lib.run.invokeExact(h);
        int status = (int) lib.modelStatus.invokeExact(h);
        int primal = intInfo(lib, h, arena, "primal_solution_status");
        boolean hasPoint = primal == HighsLibrary.SOLUTION_FEASIBLE;
        double[] values = null;
        double[] duals = null;
        if (hasPoint) {
            MemorySegment cols = arena.allocate(JAVA_DOUBLE, Math.max(1, n));
            MemorySegment colDuals = arena.allocate(JAVA_DOUBLE, Math.max(1, n));
            MemorySegment rows = arena.allocate(JAVA_DOUBLE, Math.max(1, model.rowCount()));
            MemorySegment rowDuals = arena.allocate(JAVA_DOUBLE, Math.max(1, model.rowCount()));
            check((int) lib.getSolution.invokeExact(h, cols, colDuals, rows, rowDuals), "the solution");
            values = cols.asSlice(0, (long) n * Double.BYTES).toArray(JAVA_DOUBLE);
            // an LP's row duals, where HiGHS has a feasible dual solution: ∂optimum/∂rhs, the kit's convention
            if (!model.hasIntegers() && status == HighsLibrary.OPTIMAL
                    && intInfo(lib, h, arena, "dual_solution_status") == HighsLibrary.SOLUTION_FEASIBLE) {
                duals = rowDuals.asSlice(0, (long) model.rowCount() * Double.BYTES).toArray(JAVA_DOUBLE);
            }
        }
        double objective = hasPoint ? model.objectiveValue(values) : Double.NaN;
        long nodes = model.hasIntegers() ? int64Info(lib, h, arena, "mip_node_count") : 0;
        double bound = Ffm.finite(!model.hasIntegers() ? (status == HighsLibrary.OPTIMAL ? objective : Double.NaN)
                : doubleInfo(lib, h, arena, "mip_dual_bound"));
        SolveResult r = result(status, runStatus, hasPoint, objective, bound, values, duals, nodes, params);
        return r.withModelTime(translation);
    }

    private static SolveResult result(int status, int runStatus, boolean hasPoint, double objective, double bound,
            double[] values, double[] duals, long nodes, SolveParams params) {
        String raw = HighsLibrary.statusName(status);
        double[] point = hasPoint ? values : null;
        return switch (status) {
            case HighsLibrary.OPTIMAL -> SolveResult.ended("highs", SolveStatus.OPTIMAL, raw, "", objective, bound,
                    point, duals, nodes);
            case HighsLibrary.INFEASIBLE, HighsLibrary.UNBOUNDED, HighsLibrary.UNBOUNDED_OR_INFEASIBLE ->
                SolveResult.ended("highs", switch (status) {
                    case HighsLibrary.INFEASIBLE -> SolveStatus.INFEASIBLE;
                    case HighsLibrary.UNBOUNDED -> SolveStatus.UNBOUNDED;
                    default -> SolveStatus.INFEASIBLE_OR_UNBOUNDED;
                }, raw, "", Double.NaN, Double.NaN, null, null, nodes);
            case HighsLibrary.TIME_LIMIT, HighsLibrary.INTERRUPT, HighsLibrary.ITERATION_LIMIT,
                    HighsLibrary.SOLUTION_LIMIT, HighsLibrary.OBJECTIVE_BOUND, HighsLibrary.OBJECTIVE_TARGET,
                    HighsLibrary.MEMORY_LIMIT -> SolveResult.stopped("highs", switch (status) {
                        case HighsLibrary.TIME_LIMIT -> Limit.TIME;
                        case HighsLibrary.INTERRUPT -> Limit.INTERRUPTED;
                        case HighsLibrary.ITERATION_LIMIT -> Limit.ITERATIONS;
                        // HiGHS reports its node, leaf and improving-solution limits all as this one
                        case HighsLibrary.SOLUTION_LIMIT -> params.nodeLimit().isPresent()
                                && nodes >= params.nodeLimit().getAsLong() ? Limit.NODES
                                : params.solutionLimit().isPresent() ? Limit.SOLUTIONS : Limit.OTHER;
                        default -> Limit.OTHER;
                    }, raw, "", objective, bound, point, nodes);
            default -> hasPoint
                    ? SolveResult.stopped("highs", Limit.OTHER, raw, "HiGHS ended with model status " + raw
                            + " (run status " + runStatus + ")", objective, bound, point, nodes)
                    : SolveResult.error("highs", "HiGHS ended with model status " + raw + " (run status " + runStatus
                            + ")", Duration.ZERO);
        };
    }

    /**
     * Hands HiGHS the caller's start: a complete one as a solution; one with values left open (NaN)
     * as a sparse solution of the known values, which HiGHS completes itself (a sub-MIP over the
     * rest) before its search. HiGHS copies as many values as the model has columns, so the length
     * is checked first.
     */
    private static void start(HighsLibrary lib, MemorySegment h, Arena arena, MilpModel model, double[] start)
            throws Throwable {
        if (start.length != model.variableCount()) {
            throw new IllegalArgumentException("the MIP start has " + start.length + " values, model '" + model.name()
                    + "' has " + model.variableCount() + " variables");
        }
        int[] known = java.util.stream.IntStream.range(0, start.length).filter(j -> !Double.isNaN(start[j])).toArray();
        if (known.length == 0) {
            return;
        }
        int rc;
        if (known.length == start.length) {
            rc = (int) lib.setSolution.invokeExact(h, Ffm.doubles(arena, start), MemorySegment.NULL, MemorySegment.NULL,
                    MemorySegment.NULL);
        } else {
            double[] values = java.util.Arrays.stream(known).mapToDouble(j -> start[j]).toArray();
            rc = (int) lib.setSparseSolution.invokeExact(h, known.length, Ffm.ints(arena, known),
                    Ffm.doubles(arena, values));
        }
        check(rc, "the MIP start");
    }

    /** Passes the model column-wise, as HiGHS stores it. */
    private static void pass(HighsLibrary lib, MemorySegment h, Arena arena, MilpModel model) throws Throwable {
        int n = model.variableCount();
        int m = model.rowCount();
        ColumnMatrix columns = model.columnMatrix();
        double[] rowLower = new double[m];
        double[] rowUpper = new double[m];
        for (int i = 0; i < m; i++) {
            rowLower[i] = model.row(i).lower();
            rowUpper[i] = model.row(i).upper();
        }
        double[] cost = model.objective();
        double[] lower = new double[n];
        double[] upper = new double[n];
        int[] integrality = new int[n];
        for (int j = 0; j < n; j++) {
            Variable v = model.variable(j);
            lower[j] = v.lower();
            upper[j] = v.upper();
            integrality[j] = v.isInteger() ? 1 : 0;
        }
        int rc = (int) lib.passMip.invokeExact(h, n, m, columns.start()[n], 1, model.sense() == Sense.MAXIMIZE ? -1 : 1,
                model.objectiveOffset(), Ffm.doubles(arena, cost), Ffm.doubles(arena, lower),
                Ffm.doubles(arena, upper), Ffm.doubles(arena, rowLower), Ffm.doubles(arena, rowUpper),
                Ffm.ints(arena, java.util.Arrays.copyOf(columns.start(), n)), Ffm.ints(arena, columns.row()),
                Ffm.doubles(arena, columns.value()), Ffm.ints(arena, integrality));
        check(rc, "the model");
    }

    private static void option(java.lang.invoke.MethodHandle setter, MemorySegment h, Arena arena, String name,
            int value) throws Throwable {
        check((int) setter.invokeExact(h, arena.allocateFrom(name), value), name);
    }

    private static void option(java.lang.invoke.MethodHandle setter, MemorySegment h, Arena arena, String name,
            double value) throws Throwable {
        check((int) setter.invokeExact(h, arena.allocateFrom(name), value), name);
    }

    /**
     * One of HiGHS's own options, by its name and as text, which HiGHS parses by the option's type;
     * an unknown name or a value HiGHS refuses fails the solve with a line naming it.
     */
    private static void rawOption(HighsLibrary lib, MemorySegment h, Arena arena, String name, String value)
            throws Throwable {
        MemorySegment cName = arena.allocateFrom(name);
        if ((int) lib.getOptionType.invokeExact(h, cName, arena.allocate(JAVA_INT)) != 0) {
            throw new IllegalArgumentException("HiGHS has no option '" + name + "'");
        }
        if ((int) lib.setOptionValue.invokeExact(h, cName, arena.allocateFrom(value)) != 0) {
            throw new IllegalArgumentException("HiGHS refused " + name + "=" + value + " (a value of the wrong type"
                    + " or out of range)");
        }
    }

    private static int intInfo(HighsLibrary lib, MemorySegment h, Arena arena, String name) throws Throwable {
        MemorySegment out = arena.allocate(JAVA_INT);
        return (int) lib.intInfo.invokeExact(h, arena.allocateFrom(name), out) == 0 ? out.get(JAVA_INT, 0) : -1;
    }

    private static long int64Info(HighsLibrary lib, MemorySegment h, Arena arena, String name) throws Throwable {
        MemorySegment out = arena.allocate(JAVA_LONG);
        return (int) lib.int64Info.invokeExact(h, arena.allocateFrom(name), out) == 0 ? out.get(JAVA_LONG, 0) : -1;
    }

    private static double doubleInfo(HighsLibrary lib, MemorySegment h, Arena arena, String name) throws Throwable {
        MemorySegment out = arena.allocate(JAVA_DOUBLE);
        return (int) lib.doubleInfo.invokeExact(h, arena.allocateFrom(name), out) == 0 ? out.get(JAVA_DOUBLE, 0)
                : Double.NaN;
    }

    /** HiGHS's status codes: 0 ok, 1 warning, −1 error. */
    private static void check(int rc, String what) {
        if (rc < 0) {
            throw new IllegalStateException("HiGHS refused " + what + " (status " + rc + ")");
        }
    }

    /**
     * HiGHS's callback ({@code HighsCCallbackType}). It runs inside the native solve: it catches
     * every throwable, since one escaping an upcall ends the JVM. It clears the interrupt flag in
     * every call but the interrupt check, which debug builds of HiGHS assert.
     */
    @SuppressWarnings("unused")
    private static void callback(int type, MemorySegment message, MemorySegment out, MemorySegment in,
            MemorySegment user) {
        try {
            Running run = RUNNING.get(user.reinterpret(Long.BYTES).get(JAVA_LONG, 0));
            MemorySegment flag = in.reinterpret(Integer.BYTES);
            boolean stop = run != null && run.cancel().isCancelled();
            flag.set(JAVA_INT, 0, type == HighsLibrary.CALLBACK_MIP_INTERRUPT && stop ? 1 : 0);
            if (run == null) {
                return;
            }
            long now = run.progress().due(type == HighsLibrary.CALLBACK_MIP_IMPROVING);
            if (now < 0) {
                return;
            }
            MemorySegment o = out.reinterpret(OUT_SIZE);
            run.progress().report(now, o.get(JAVA_DOUBLE, PRIMAL_BOUND), o.get(JAVA_DOUBLE, DUAL_BOUND),
                    o.get(JAVA_LONG, NODE_COUNT));
        } catch (Throwable t) {
            // nothing may leave an upcall; a listener's failure costs only its progress report
        }
    }
}
