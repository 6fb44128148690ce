package org.tamebnn.solver.ortools;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * The part of SCIP's C API ({@code scip/scip.h}, SCIP 10.0) the {@code scip} solver calls, bound
 * by hand through {@code java.lang.foreign} (jextract is not available here). The library is the
 * {@code libscip.so.10.0} inside OR-Tools' native jar ({@link BundledLibrary}); its soname pins the
 * major version whose enums and types are written here. In C: {@code SCIP_RETCODE},
 * {@code SCIP_STATUS}, {@code SCIP_STAGE}, {@code SCIP_VARTYPE}, {@code SCIP_OBJSENSE} and
 * {@code SCIP_Bool} are 32-bit ints, {@code SCIP_Longint} and {@code SCIP_EVENTTYPE} 64-bit,
 * {@code SCIP_Real} a double.
 */
final class ScipLibrary {
    /** {@code SCIP_OKAY}: SCIP's one success code (errors are 0 and below). */
    static final int OKAY = 1;
    static final int ERROR = 0;
    /** {@code SCIP_Status}. */
    /** {@code SCIP_PARAMTYPE}: the type of a parameter, which decides its setter. */
    static final int PARAM_BOOL = 0;
    static final int PARAM_INT = 1;
    static final int PARAM_LONGINT = 2;
    static final int PARAM_REAL = 3;
    static final int PARAM_CHAR = 4;
    static final int PARAM_STRING = 5;
    static final int STATUS_UNKNOWN = 0;
    static final int STATUS_OPTIMAL = 1;
    static final int STATUS_INFEASIBLE = 2;
    static final int STATUS_UNBOUNDED = 3;
    static final int STATUS_INFORUNBD = 4;
    static final int STATUS_USERINTERRUPT = 10;
    static final int STATUS_TERMINATE = 11;
    static final int STATUS_NODELIMIT = 20;
    static final int STATUS_TOTALNODELIMIT = 21;
    static final int STATUS_STALLNODELIMIT = 22;
    static final int STATUS_TIMELIMIT = 23;
    static final int STATUS_MEMLIMIT = 24;
    static final int STATUS_GAPLIMIT = 25;
    static final int STATUS_PRIMALLIMIT = 26;
    static final int STATUS_DUALLIMIT = 27;
    static final int STATUS_SOLLIMIT = 28;
    static final int STATUS_BESTSOLLIMIT = 29;
    static final int STATUS_RESTARTLIMIT = 30;
    /** {@code SCIP_Stage}: the transformed problem exists, and the solve is still running. */
    static final int STAGE_TRANSFORMED = 3;
    static final int STAGE_SOLVING = 9;
    /** {@code SCIP_Vartype} (SCIP itself makes an integer variable with bounds in [0, 1] binary). */
    static final int VARTYPE_INTEGER = 1;
    static final int VARTYPE_CONTINUOUS = 3;
    /** {@code SCIP_Objsense}. */
    static final int MAXIMIZE = -1;
    static final int MINIMIZE = 1;
    /** {@code SCIP_EVENTTYPE} bits ({@code type_event.h}). */
    static final long EVENT_PRESOLVEROUND = 0x40000L;
    static final long EVENT_NODESOLVED = 0x100000L | 0x200000L | 0x400000L;
    static final long EVENT_DUALBOUNDIMPROVED = 0x1000000L;
    static final long EVENT_LPEVENT = 0x2000000L | 0x4000000L;
    static final long EVENT_BESTSOLFOUND = 0x10000000L;

    final MethodHandle create;
    final MethodHandle free;
    final MethodHandle includeDefaultPlugins;
    final MethodHandle setMessagehdlrQuiet;
    final MethodHandle setRealParam;
    final MethodHandle setIntParam;
    final MethodHandle setBoolParam;
    final MethodHandle setLongintParam;
    final MethodHandle setCharParam;
    final MethodHandle setStringParam;
    final MethodHandle getParam;
    final MethodHandle paramGetType;
    final MethodHandle createProbBasic;
    final MethodHandle setObjsense;
    final MethodHandle addOrigObjoffset;
    final MethodHandle createVarBasic;
    final MethodHandle addVar;
    final MethodHandle releaseVar;
    final MethodHandle createConsBasicLinear;
    final MethodHandle addCons;
    final MethodHandle releaseCons;
    final MethodHandle createSol;
    final MethodHandle createPartialSol;
    final MethodHandle setSolVals;
    final MethodHandle addSolFree;
    final MethodHandle includeEventhdlrBasic;
    final MethodHandle setEventhdlrInit;
    final MethodHandle setEventhdlrExit;
    final MethodHandle eventhdlrGetData;
    final MethodHandle catchEvent;
    final MethodHandle dropEvent;
    final MethodHandle eventGetType;
    final MethodHandle eventGetSol;
    final MethodHandle getSolOrigObj;
    final MethodHandle solve;
    final MethodHandle interruptSolve;
    final MethodHandle getStage;
    final MethodHandle getStatus;
    final MethodHandle getBestSol;
    final MethodHandle getSolVals;
    final MethodHandle getPrimalbound;
    final MethodHandle getDualbound;
    final MethodHandle getNTotalNodes;
    final String version;

    /** The library, bound once per JVM. */
    static final BundledLibrary<ScipLibrary> BUNDLED = new BundledLibrary<>("SCIP", "libscip.so.10.0",
            ScipLibrary::new);

    private ScipLibrary(SymbolLookup lib) throws Throwable {
        FunctionDescriptor scipOnly = FunctionDescriptor.of(JAVA_INT, ADDRESS);
        FunctionDescriptor scipAndPointer = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS);
        FunctionDescriptor scipAndTwoPointers = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
        // (SCIP** scip)
        create = bind(lib, "SCIPcreate", scipOnly);
        free = bind(lib, "SCIPfree", scipOnly);
        includeDefaultPlugins = bind(lib, "SCIPincludeDefaultPlugins", scipOnly);
        setMessagehdlrQuiet = bind(lib, "SCIPsetMessagehdlrQuiet", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT));
        // (scip, const char* name, value)
        setRealParam = bind(lib, "SCIPsetRealParam", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_DOUBLE));
        setIntParam = bind(lib, "SCIPsetIntParam", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
        setBoolParam = bind(lib, "SCIPsetBoolParam", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
        setLongintParam = bind(lib, "SCIPsetLongintParam", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG));
        setCharParam = bind(lib, "SCIPsetCharParam", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_BYTE));
        setStringParam = bind(lib, "SCIPsetStringParam", scipAndTwoPointers);
        // (scip, name) -> SCIP_PARAM*, NULL for an unknown name; (param) -> SCIP_PARAMTYPE
        getParam = bind(lib, "SCIPgetParam", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        paramGetType = bind(lib, "SCIPparamGetType", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        createProbBasic = bind(lib, "SCIPcreateProbBasic", scipAndPointer);
        setObjsense = bind(lib, "SCIPsetObjsense", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        addOrigObjoffset = bind(lib, "SCIPaddOrigObjoffset", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_DOUBLE));
        // (scip, SCIP_VAR** var, name, lb, ub, obj, vartype)
        createVarBasic = bind(lib, "SCIPcreateVarBasic", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS,
                JAVA_DOUBLE, JAVA_DOUBLE, JAVA_DOUBLE, JAVA_INT));
        addVar = bind(lib, "SCIPaddVar", scipAndPointer);
        releaseVar = bind(lib, "SCIPreleaseVar", scipAndPointer);
        // (scip, SCIP_CONS** cons, name, nvars, SCIP_VAR** vars, SCIP_Real* vals, lhs, rhs)
        createConsBasicLinear = bind(lib, "SCIPcreateConsBasicLinear", FunctionDescriptor.of(JAVA_INT, ADDRESS,
                ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, JAVA_DOUBLE, JAVA_DOUBLE));
        addCons = bind(lib, "SCIPaddCons", scipAndPointer);
        releaseCons = bind(lib, "SCIPreleaseCons", scipAndPointer);
        // (scip, SCIP_SOL** sol, SCIP_HEUR* heur)
        createSol = bind(lib, "SCIPcreateSol", scipAndTwoPointers);
        createPartialSol = bind(lib, "SCIPcreatePartialSol", scipAndTwoPointers);
        // (scip, sol, nvars, SCIP_VAR** vars, SCIP_Real* vals)
        FunctionDescriptor solVals = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS);
        setSolVals = bind(lib, "SCIPsetSolVals", solVals);
        getSolVals = bind(lib, "SCIPgetSolVals", solVals);
        // (scip, SCIP_SOL** sol, SCIP_Bool* stored)
        addSolFree = bind(lib, "SCIPaddSolFree", scipAndTwoPointers);
        // (scip, SCIP_EVENTHDLR** hdlr, name, desc, eventexec, SCIP_EVENTHDLRDATA* data)
        includeEventhdlrBasic = bind(lib, "SCIPincludeEventhdlrBasic", FunctionDescriptor.of(JAVA_INT, ADDRESS,
                ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        setEventhdlrInit = bind(lib, "SCIPsetEventhdlrInit", scipAndTwoPointers);
        setEventhdlrExit = bind(lib, "SCIPsetEventhdlrExit", scipAndTwoPointers);
        eventhdlrGetData = bind(lib, "SCIPeventhdlrGetData", FunctionDescriptor.of(ADDRESS, ADDRESS));
        // (scip, SCIP_EVENTTYPE type, hdlr, SCIP_EVENTDATA* data, int* filterpos) / (..., int filterpos)
        catchEvent = bind(lib, "SCIPcatchEvent", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS,
                ADDRESS, ADDRESS));
        dropEvent = bind(lib, "SCIPdropEvent", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS,
                JAVA_INT));
        eventGetType = bind(lib, "SCIPeventGetType", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        eventGetSol = bind(lib, "SCIPeventGetSol", FunctionDescriptor.of(ADDRESS, ADDRESS));
        getSolOrigObj = bind(lib, "SCIPgetSolOrigObj", FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS, ADDRESS));
        solve = bind(lib, "SCIPsolve", scipOnly);
        interruptSolve = bind(lib, "SCIPinterruptSolve", scipOnly);
        getStage = bind(lib, "SCIPgetStage", scipOnly);
        getStatus = bind(lib, "SCIPgetStatus", scipOnly);
        getBestSol = bind(lib, "SCIPgetBestSol", FunctionDescriptor.of(ADDRESS, ADDRESS));
        getPrimalbound = bind(lib, "SCIPgetPrimalbound", FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS));
        getDualbound = bind(lib, "SCIPgetDualbound", FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS));
        getNTotalNodes = bind(lib, "SCIPgetNTotalNodes", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        MethodHandle major = bind(lib, "SCIPmajorVersion", FunctionDescriptor.of(JAVA_INT));
        MethodHandle minor = bind(lib, "SCIPminorVersion", FunctionDescriptor.of(JAVA_INT));
        MethodHandle tech = bind(lib, "SCIPtechVersion", FunctionDescriptor.of(JAVA_INT));
        version = (int) major.invokeExact() + "." + (int) minor.invokeExact() + "." + (int) tech.invokeExact();
    }

    /** A {@code SCIP_Status} in words, with its name in SCIP, e.g. "node limit (SCIP_STATUS_NODELIMIT)". */
    static String describe(int status) {
        return switch (status) {
            case STATUS_UNKNOWN -> "status unknown (SCIP_STATUS_UNKNOWN)";
            case STATUS_OPTIMAL -> "optimal (SCIP_STATUS_OPTIMAL)";
            case STATUS_INFEASIBLE -> "infeasible (SCIP_STATUS_INFEASIBLE)";
            case STATUS_UNBOUNDED -> "unbounded (SCIP_STATUS_UNBOUNDED)";
            case STATUS_INFORUNBD -> "infeasible or unbounded (SCIP_STATUS_INFORUNBD)";
            case STATUS_USERINTERRUPT -> "interrupted (SCIP_STATUS_USERINTERRUPT)";
            case STATUS_TERMINATE -> "terminated by a signal (SCIP_STATUS_TERMINATE)";
            case STATUS_NODELIMIT -> "node limit (SCIP_STATUS_NODELIMIT)";
            case STATUS_TOTALNODELIMIT -> "total node limit (SCIP_STATUS_TOTALNODELIMIT)";
            case STATUS_STALLNODELIMIT -> "stalling node limit (SCIP_STATUS_STALLNODELIMIT)";
            case STATUS_TIMELIMIT -> "time limit (SCIP_STATUS_TIMELIMIT)";
            case STATUS_MEMLIMIT -> "memory limit (SCIP_STATUS_MEMLIMIT)";
            case STATUS_GAPLIMIT -> "gap limit (SCIP_STATUS_GAPLIMIT)";
            case STATUS_PRIMALLIMIT -> "primal limit (SCIP_STATUS_PRIMALLIMIT)";
            case STATUS_DUALLIMIT -> "dual limit (SCIP_STATUS_DUALLIMIT)";
            case STATUS_SOLLIMIT -> "solution limit (SCIP_STATUS_SOLLIMIT)";
            case STATUS_BESTSOLLIMIT -> "solution improvement limit (SCIP_STATUS_BESTSOLLIMIT)";
            case STATUS_RESTARTLIMIT -> "restart limit (SCIP_STATUS_RESTARTLIMIT)";
            default -> "status " + status + " (not a SCIP 10 status)";
        };
    }

    private static MethodHandle bind(SymbolLookup lib, String name, FunctionDescriptor descriptor) {
        return Ffm.bind(lib, "SCIP", name, descriptor);
    }
}
