package org.tamebnn.solver.ortools;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.osgi.service.component.annotations.Component;
import org.tamebnn.api.milp.AbstractMilpSolver;
import org.tamebnn.api.milp.Availability;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.Limit;
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

/**
 * SCIP through its own C API ({@link ScipLibrary}), not OR-Tools' MPSolver: the solve takes a MIP
 * start (complete, or partial with NaN for the values left open), reports progress (time, nodes,
 * incumbent, bound) from an event handler of its own, at once on a new incumbent and otherwise at
 * most every half second, stops when cancelled ({@code SCIPinterruptSolve}), and returns the
 * incumbent and bound at any limit. SCIP's solve is single-threaded, so a thread count is not
 * honoured. {@code ortools-scip} stays, for comparison.
 */
@Component(service = MilpSolver.class, property = MilpSolver.NAME_PROPERTY + "=scip")
public final class DirectScipSolver extends AbstractMilpSolver {
    /**
     * The events the progress handler catches: a new incumbent or dual bound, and, for a heartbeat
     * while neither changes, every solved node and node LP and every presolving round.
     */
    private static final long EVENTS = ScipLibrary.EVENT_BESTSOLFOUND | ScipLibrary.EVENT_DUALBOUNDIMPROVED
            | ScipLibrary.EVENT_NODESOLVED | ScipLibrary.EVENT_LPEVENT | ScipLibrary.EVENT_PRESOLVEROUND;
    /** The running solves by id, for the event handler, which gets the id as its data from SCIP. */
    private static final Map<Long, Running> RUNNING = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();
    private static final MemorySegment EVENT_INIT = Ffm.upcall(MethodHandles.lookup(), "eventInit",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    private static final MemorySegment EVENT_EXIT = Ffm.upcall(MethodHandles.lookup(), "eventExit",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    private static final MemorySegment EVENT_EXEC = Ffm.upcall(MethodHandles.lookup(), "eventExec",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS));

    private final SolverInfo info = new SolverInfo("scip", "SCIP through its C API (java.lang.foreign)",
            ScipLibrary.BUNDLED.version(l -> l.version),
            EnumSet.of(Capability.INTEGER_VARIABLES, Capability.TIME_LIMIT, Capability.RELATIVE_GAP,
                    Capability.RANDOM_SEED, Capability.BEST_BOUND, Capability.MIP_START, Capability.PROGRESS,
                    Capability.CANCELLATION, Capability.NODE_LIMIT, Capability.SOLUTION_LIMIT, Capability.RAW_OPTIONS),
            "SCIP's own C API: MIP start (also partial), live progress, interruption, incumbent and bound at a"
                    + " limit, node and solution limits, SCIP's own parameters; single-threaded");

    /** One solve's progress reports, as the event handler sees them. */
    private record Running(ScipLibrary lib, ProgressReports progress) {
    }

    @Override
    public SolverInfo info() {
        return info;
    }

    @Override
    public Availability availability() {
        return ScipLibrary.BUNDLED.availability();
    }

    @Override
    protected SolveResult solveChecked(MilpModel model, SolveParams params, SolveListener listener,
            CancellationToken cancellation, long startNanos) {
        ScipLibrary lib = ScipLibrary.BUNDLED.get();
        long id = IDS.incrementAndGet();
        RUNNING.put(id, new Running(lib, new ProgressReports(listener, startNanos)));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment holder = arena.allocate(ADDRESS);
            check((int) lib.create.invokeExact(holder), "SCIPcreate");
            MemorySegment scip = holder.get(ADDRESS, 0);
            try {
                return solve(lib, scip, arena, id, model, params, cancellation, startNanos);
            } finally {
                // frees the problem and the solve's plugins; a failure here leaves nothing to do
                int freed = (int) lib.free.invokeExact(holder);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("SCIP: " + t, t);
        } finally {
            RUNNING.remove(id);
        }
    }

    private static SolveResult solve(ScipLibrary lib, MemorySegment scip, Arena arena, long id, MilpModel model,
            SolveParams params, CancellationToken cancellation, long startNanos) throws Throwable {
        lib.setMessagehdlrQuiet.invokeExact(scip, 1);
        check((int) lib.includeDefaultPlugins.invokeExact(scip), "the default plugins");
        MemorySegment handler = arena.allocate(ADDRESS);
        // the handler's data is the solve's id (a number, not a pointer), passed back to its callbacks
        check((int) lib.includeEventhdlrBasic.invokeExact(scip, handler, arena.allocateFrom("tamebnn-progress"),
                arena.allocateFrom("reports progress to tamebnn"), EVENT_EXEC, MemorySegment.ofAddress(id)),
                "the event handler");
        check((int) lib.setEventhdlrInit.invokeExact(scip, handler.get(ADDRESS, 0), EVENT_INIT), "the event handler");
        check((int) lib.setEventhdlrExit.invokeExact(scip, handler.get(ADDRESS, 0), EVENT_EXIT), "the event handler");
        // SCIP would install its own SIGINT handler during the solve, over the JVM's; cancel is the way to stop it
        check((int) lib.setBoolParam.invokeExact(scip, arena.allocateFrom("misc/catchctrlc"), 0), "misc/catchctrlc");
        if (params.seed().isPresent()) {
            int shift = (int) Math.floorMod(params.seed().getAsLong(), Integer.MAX_VALUE);
            check((int) lib.setIntParam.invokeExact(scip, arena.allocateFrom("randomization/randomseedshift"), shift),
                    "randomization/randomseedshift");
        }
        if (params.relativeGap().isPresent()) {
            realParam(lib, scip, arena, "limits/gap", params.relativeGap().getAsDouble());
        }
        if (params.nodeLimit().isPresent()) {
            check((int) lib.setLongintParam.invokeExact(scip, arena.allocateFrom("limits/nodes"),
                    params.nodeLimit().getAsLong()), "limits/nodes");
        }
        if (params.solutionLimit().isPresent()) {
            check((int) lib.setIntParam.invokeExact(scip, arena.allocateFrom("limits/solutions"),
                    params.solutionLimit().getAsInt()), "limits/solutions");
        }
        for (Map.Entry<String, String> o : params.options().entrySet()) {
            rawParam(lib, scip, arena, o.getKey(), o.getValue());
        }
        long translateStart = System.nanoTime();
        MemorySegment vars = pass(lib, scip, arena, model);
        Duration translation = elapsed(translateStart);
        if (params.mipStart().isPresent() && model.hasIntegers()) {
            start(lib, scip, arena, vars, model, params.mipStart().get());
        }
        if (params.timeLimit().isPresent()) {
            // SCIP's clock starts in SCIPsolve: what the translation took is subtracted here
            double seconds = params.timeLimit().get().toNanos() / 1e9 - elapsed(startNanos).toNanos() / 1e9;
            realParam(lib, scip, arena, "limits/time", Math.max(1e-3, seconds));
        }
        int rc;
        try (Interrupter interrupter = new Interrupter(() -> interrupt(lib, scip));
                CancellationToken.Registration registration = cancellation.onCancel(interrupter::cancel)) {
            rc = (int) lib.solve.invokeExact(scip);
        }
        check(rc, "SCIPsolve");
        int status = (int) lib.getStatus.invokeExact(scip);
        MemorySegment best = (MemorySegment) lib.getBestSol.invokeExact(scip);
        int n = model.variableCount();
        double[] values = null;
        if (best.address() != 0) {
            MemorySegment out = arena.allocate(JAVA_DOUBLE, Math.max(1, n));
            check((int) lib.getSolVals.invokeExact(scip, best, n, vars, out), "the solution");
            values = out.asSlice(0, (long) n * Double.BYTES).toArray(JAVA_DOUBLE);
        }
        double objective = values != null ? model.objectiveValue(values) : Double.NaN;
        // an LP's optimum is its own bound; a MILP's is SCIP's dual bound (in the model's sense, offset included)
        double bound = Ffm.finite(!model.hasIntegers() && status == ScipLibrary.STATUS_OPTIMAL ? objective
                : (double) lib.getDualbound.invokeExact(scip));
        long nodes = (long) lib.getNTotalNodes.invokeExact(scip);
        return result(status, objective, bound, values, nodes).withModelTime(translation);
    }

    /**
     * SCIP's status as this API's reason, and for a stop the {@link Limit}: the one place that
     * decides it. A gap limit reached is an optimum within the gap asked for (AbstractMilpSolver
     * checks that the bound confirms it); every limit SCIP has and the API does not name is
     * {@link Limit#OTHER}, with SCIP's status kept as the raw one.
     */
    static Limit limit(int scipStatus) {
        return switch (scipStatus) {
            case ScipLibrary.STATUS_OPTIMAL, ScipLibrary.STATUS_GAPLIMIT, ScipLibrary.STATUS_INFEASIBLE,
                    ScipLibrary.STATUS_UNBOUNDED, ScipLibrary.STATUS_INFORUNBD -> Limit.NONE;
            case ScipLibrary.STATUS_TIMELIMIT -> Limit.TIME;
            case ScipLibrary.STATUS_USERINTERRUPT, ScipLibrary.STATUS_TERMINATE -> Limit.INTERRUPTED;
            case ScipLibrary.STATUS_NODELIMIT, ScipLibrary.STATUS_TOTALNODELIMIT -> Limit.NODES;
            case ScipLibrary.STATUS_SOLLIMIT, ScipLibrary.STATUS_BESTSOLLIMIT -> Limit.SOLUTIONS;
            default -> Limit.OTHER;
        };
    }

    private static SolveResult result(int scipStatus, double objective, double bound, double[] values, long nodes) {
        String raw = ScipLibrary.describe(scipStatus);
        return switch (scipStatus) {
            case ScipLibrary.STATUS_OPTIMAL, ScipLibrary.STATUS_GAPLIMIT -> SolveResult.ended("scip",
                    SolveStatus.OPTIMAL, raw, scipStatus == ScipLibrary.STATUS_GAPLIMIT ? raw : "", objective, bound,
                    values, null, nodes);
            case ScipLibrary.STATUS_INFEASIBLE -> SolveResult.ended("scip", SolveStatus.INFEASIBLE, raw, "",
                    Double.NaN, Double.NaN, null, null, nodes);
            case ScipLibrary.STATUS_UNBOUNDED -> SolveResult.ended("scip", SolveStatus.UNBOUNDED, raw, "",
                    Double.NaN, Double.NaN, null, null, nodes);
            case ScipLibrary.STATUS_INFORUNBD -> SolveResult.ended("scip", SolveStatus.INFEASIBLE_OR_UNBOUNDED, raw,
                    "", Double.NaN, Double.NaN, null, null, nodes);
            default -> scipStatus == ScipLibrary.STATUS_UNKNOWN && values == null
                    ? SolveResult.error("scip", "SCIP stopped without a solution: " + raw, Duration.ZERO)
                    : SolveResult.stopped("scip", limit(scipStatus), raw, limit(scipStatus) == Limit.OTHER ? raw : "",
                            objective, bound, values, nodes);
        };
    }

    /** Passes the model row by row, as SCIP's linear constraints; returns the variables, by column. */
    private static MemorySegment pass(ScipLibrary lib, MemorySegment scip, Arena arena, MilpModel model)
            throws Throwable {
        check((int) lib.createProbBasic.invokeExact(scip, arena.allocateFrom(model.name())), "the problem");
        int sense = model.sense() == Sense.MAXIMIZE ? ScipLibrary.MAXIMIZE : ScipLibrary.MINIMIZE;
        check((int) lib.setObjsense.invokeExact(scip, sense), "the objective sense");
        check((int) lib.addOrigObjoffset.invokeExact(scip, model.objectiveOffset()), "the objective offset");
        int n = model.variableCount();
        MemorySegment vars = arena.allocate(ADDRESS, Math.max(1, n));
        MemorySegment holder = arena.allocate(ADDRESS);
        double[] cost = model.objective();
        for (int j = 0; j < n; j++) {
            Variable v = model.variable(j);
            int type = v.isInteger() ? ScipLibrary.VARTYPE_INTEGER : ScipLibrary.VARTYPE_CONTINUOUS;
            check((int) lib.createVarBasic.invokeExact(scip, holder, arena.allocateFrom(v.name()), scipBound(v.lower()),
                    scipBound(v.upper()), cost[j], type), "variable " + v.name());
            MemorySegment var = holder.get(ADDRESS, 0);
            vars.setAtIndex(ADDRESS, j, var);
            check((int) lib.addVar.invokeExact(scip, var), "variable " + v.name());
            // the problem holds the variable now; the pointer stays valid until SCIPfree
            check((int) lib.releaseVar.invokeExact(scip, holder), "variable " + v.name());
        }
        int width = model.rows().stream().mapToInt(Row::size).max().orElse(0);
        MemorySegment rowVars = arena.allocate(ADDRESS, Math.max(1, width));
        MemorySegment rowValues = arena.allocate(JAVA_DOUBLE, Math.max(1, width));
        for (Row r : model.rows()) {
            for (int k = 0; k < r.size(); k++) {
                rowVars.setAtIndex(ADDRESS, k, vars.getAtIndex(ADDRESS, r.column(k)));
                rowValues.setAtIndex(JAVA_DOUBLE, k, r.coefficient(k));
            }
            // SCIP copies the arrays, so the two buffers serve every row
            check((int) lib.createConsBasicLinear.invokeExact(scip, holder, arena.allocateFrom(r.name()), r.size(),
                    rowVars, rowValues, scipBound(r.lower()), scipBound(r.upper())), "row " + r.name());
            check((int) lib.addCons.invokeExact(scip, holder.get(ADDRESS, 0)), "row " + r.name());
            check((int) lib.releaseCons.invokeExact(scip, holder), "row " + r.name());
        }
        return vars;
    }

    /**
     * Hands SCIP the caller's start. A complete one is an ordinary solution, checked when the
     * problem is transformed. One with NaN (values left open) is a partial solution: SCIP's
     * completesol heuristic tries to complete it before presolving, by a sub-MIP over the open
     * values with a node budget, and only when at most 85% of them are open
     * (heuristics/completesol/maxunkrate); otherwise the start goes unused. (With a quarter of the
     * columns of a 5×40 market split instance open it found the planted optimum, with half not.)
     */
    private static void start(ScipLibrary lib, MemorySegment scip, Arena arena, MemorySegment vars, MilpModel model,
            double[] start) throws Throwable {
        if (start.length != model.variableCount()) {
            throw new IllegalArgumentException("the MIP start has " + start.length + " values, model '" + model.name()
                    + "' has " + model.variableCount() + " variables");
        }
        int[] known = IntStream.range(0, start.length).filter(j -> !Double.isNaN(start[j])).toArray();
        if (known.length == 0) {
            return;
        }
        MemorySegment knownVars = arena.allocate(ADDRESS, known.length);
        double[] knownValues = new double[known.length];
        for (int k = 0; k < known.length; k++) {
            knownVars.setAtIndex(ADDRESS, k, vars.getAtIndex(ADDRESS, known[k]));
            knownValues[k] = start[known[k]];
        }
        MemorySegment sol = arena.allocate(ADDRESS);
        MethodHandle create = known.length < start.length ? lib.createPartialSol : lib.createSol;
        check((int) create.invokeExact(scip, sol, MemorySegment.NULL), "the MIP start");
        check((int) lib.setSolVals.invokeExact(scip, sol.get(ADDRESS, 0), known.length, knownVars,
                Ffm.doubles(arena, knownValues)), "the MIP start");
        check((int) lib.addSolFree.invokeExact(scip, sol, arena.allocate(JAVA_INT)), "the MIP start");
    }

    /** SCIP reads any value at or beyond ±1e20 as infinite. */
    private static double scipBound(double v) {
        return Math.clamp(v, -Ffm.INFINITY, Ffm.INFINITY);
    }

    private static void realParam(ScipLibrary lib, MemorySegment scip, Arena arena, String name, double value)
            throws Throwable {
        check((int) lib.setRealParam.invokeExact(scip, arena.allocateFrom(name), value), name);
    }

    /**
     * One of SCIP's own parameters, by its name ({@code limits/stallnodes}) and as text, parsed by
     * the parameter's type; an unknown name, a value that does not parse, or one SCIP refuses (out
     * of range) fails the solve with a line naming it.
     */
    private static void rawParam(ScipLibrary lib, MemorySegment scip, Arena arena, String name, String value)
            throws Throwable {
        MemorySegment cName = arena.allocateFrom(name);
        MemorySegment param = (MemorySegment) lib.getParam.invokeExact(scip, cName);
        if (param.address() == 0) {
            throw new IllegalArgumentException("SCIP has no parameter '" + name + "'");
        }
        int type = (int) lib.paramGetType.invokeExact(param);
        int rc;
        try {
            rc = switch (type) {
                case ScipLibrary.PARAM_BOOL -> (int) lib.setBoolParam.invokeExact(scip, cName, bool(value) ? 1 : 0);
                case ScipLibrary.PARAM_INT -> (int) lib.setIntParam.invokeExact(scip, cName, Integer.parseInt(value));
                case ScipLibrary.PARAM_LONGINT -> (int) lib.setLongintParam.invokeExact(scip, cName,
                        Long.parseLong(value));
                case ScipLibrary.PARAM_REAL -> (int) lib.setRealParam.invokeExact(scip, cName,
                        Double.parseDouble(value));
                case ScipLibrary.PARAM_CHAR -> value.length() == 1
                        ? (int) lib.setCharParam.invokeExact(scip, cName, (byte) value.charAt(0))
                        : ScipLibrary.OKAY - 1;
                default -> (int) lib.setStringParam.invokeExact(scip, cName, arena.allocateFrom(value));
            };
        } catch (NumberFormatException e) {
            rc = ScipLibrary.OKAY - 1;
        }
        if (rc != ScipLibrary.OKAY) {
            throw new IllegalArgumentException("SCIP refused " + name + "=" + value + " (a value of the wrong type or"
                    + " out of range)");
        }
    }

    private static boolean bool(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new NumberFormatException(value);
        };
    }

    /**
     * Asks SCIP to stop; called from the {@link Interrupter}'s thread while the solve runs. SCIP
     * only sets a flag, which the solve reads at its next stopping point (between nodes, rounds of
     * presolving and separation, heuristics).
     */
    private static void interrupt(ScipLibrary lib, MemorySegment scip) {
        try {
            // a refusal (a stage where SCIP cannot be interrupted) leaves nothing to do
            int rc = (int) lib.interruptSolve.invokeExact(scip);
        } catch (Throwable t) {
            // a downcall does not throw; this runs on the interrupter's thread, which would just end
        }
    }

    private static void check(int rc, String what) {
        if (rc != ScipLibrary.OKAY) {
            throw new IllegalStateException("SCIP refused " + what + " (return code " + rc + ")");
        }
    }

    /**
     * The handler's INIT callback ({@code SCIP_DECL_EVENTINIT}), run when SCIP transforms the
     * problem, the first moment global events can be caught. Returns SCIP's code, so a failure
     * ends the solve as an error; nothing may leave an upcall.
     */
    @SuppressWarnings("unused")
    private static int eventInit(MemorySegment scip, MemorySegment handler) {
        try {
            ScipLibrary lib = ScipLibrary.BUNDLED.get();
            MemorySegment id = (MemorySegment) lib.eventhdlrGetData.invokeExact(handler);
            return (int) lib.catchEvent.invokeExact(scip, EVENTS, handler, id, MemorySegment.NULL);
        } catch (Throwable t) {
            return ScipLibrary.ERROR;
        }
    }

    /** The handler's EXIT callback, run when the transformed problem is freed: drops what INIT caught. */
    @SuppressWarnings("unused")
    private static int eventExit(MemorySegment scip, MemorySegment handler) {
        try {
            ScipLibrary lib = ScipLibrary.BUNDLED.get();
            MemorySegment id = (MemorySegment) lib.eventhdlrGetData.invokeExact(handler);
            return (int) lib.dropEvent.invokeExact(scip, EVENTS, handler, id, -1);
        } catch (Throwable t) {
            return ScipLibrary.ERROR;
        }
    }

    /**
     * The handler's EXEC callback ({@code SCIP_DECL_EVENTEXEC}), on SCIP's solving thread: reports
     * progress, throttled but for a new incumbent. A listener's failure costs only its report:
     * nothing may leave an upcall, and the solve goes on.
     */
    @SuppressWarnings("unused")
    private static int eventExec(MemorySegment scip, MemorySegment handler, MemorySegment event, MemorySegment data) {
        try {
            Running run = RUNNING.get(data.address());
            if (run == null) {
                return ScipLibrary.OKAY;
            }
            ScipLibrary lib = run.lib();
            boolean improving = ((long) lib.eventGetType.invokeExact(event) & ScipLibrary.EVENT_BESTSOLFOUND) != 0;
            // SCIP answers for the bounds from the transformed problem until the solve ends; the stage
            // is checked before a report is claimed, so that no report (the first one above all) is lost
            int stage = (int) lib.getStage.invokeExact(scip);
            if (stage < ScipLibrary.STAGE_TRANSFORMED || stage > ScipLibrary.STAGE_SOLVING) {
                return ScipLibrary.OKAY;
            }
            long now = run.progress().due(improving);
            if (now < 0) {
                return ScipLibrary.OKAY;
            }
            // SCIP signals a new best solution before it updates its primal bound: that solution is the incumbent
            double incumbent = improving
                    ? (double) lib.getSolOrigObj.invokeExact(scip, (MemorySegment) lib.eventGetSol.invokeExact(event))
                    : (double) lib.getPrimalbound.invokeExact(scip);
            double bound = (double) lib.getDualbound.invokeExact(scip);
            run.progress().report(now, incumbent, bound, (long) lib.getNTotalNodes.invokeExact(scip));
        } catch (Throwable t) {
            // nothing may leave an upcall; the solve goes on without this report
        }
        return ScipLibrary.OKAY;
    }
}
