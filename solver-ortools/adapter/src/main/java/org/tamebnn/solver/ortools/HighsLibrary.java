package org.tamebnn.solver.ortools;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * The part of HiGHS's C API ({@code highs_c_api.h}, HiGHS 1.12) the {@code highs} solver calls,
 * bound by hand through {@code java.lang.foreign} (jextract is not available here). The library is
 * the {@code libhighs.so.1} inside OR-Tools' native jar ({@link BundledLibrary}). {@code HighsInt}
 * is 32 bits in this build (the constructor checks).
 */
final class HighsLibrary {
    /** HiGHS's model statuses ({@code HighsModelStatus}) that the adapter tells apart. */
    static final int OPTIMAL = 7;
    static final int INFEASIBLE = 8;
    static final int UNBOUNDED_OR_INFEASIBLE = 9;
    static final int UNBOUNDED = 10;
    static final int OBJECTIVE_BOUND = 11;
    static final int OBJECTIVE_TARGET = 12;
    static final int TIME_LIMIT = 13;
    static final int ITERATION_LIMIT = 14;
    static final int SOLUTION_LIMIT = 16;
    static final int INTERRUPT = 17;
    static final int MEMORY_LIMIT = 18;
    static final int MODEL_EMPTY = 6;
    /** {@code HighsModelStatus} by value, as HiGHS names them, for the raw status a result keeps. */
    private static final String[] STATUS_NAMES = {"kNotset", "kLoadError", "kModelError", "kPresolveError",
        "kSolveError", "kPostsolveError", "kModelEmpty", "kOptimal", "kInfeasible", "kUnboundedOrInfeasible",
        "kUnbounded", "kObjectiveBound", "kObjectiveTarget", "kTimeLimit", "kIterationLimit", "kUnknown",
        "kSolutionLimit", "kInterrupt", "kMemoryLimit"};
    /** {@code primal_solution_status}: a feasible point is held. */
    static final int SOLUTION_FEASIBLE = 2;
    /** {@code HighsCallbackType}: an improving MIP solution, MIP logging, and the MIP interrupt check. */
    static final int CALLBACK_MIP_IMPROVING = 4;
    static final int CALLBACK_MIP_LOGGING = 5;
    static final int CALLBACK_MIP_INTERRUPT = 6;

    static String statusName(int status) {
        return status >= 0 && status < STATUS_NAMES.length ? STATUS_NAMES[status] : "model status " + status;
    }

    /** The library, bound once per JVM. */
    static final BundledLibrary<HighsLibrary> BUNDLED = new BundledLibrary<>("HiGHS", "libhighs.so.1",
            HighsLibrary::new);

    final MethodHandle create;
    final MethodHandle destroy;
    final MethodHandle passMip;
    final MethodHandle setBoolOption;
    final MethodHandle setIntOption;
    final MethodHandle setDoubleOption;
    final MethodHandle setOptionValue;
    final MethodHandle getOptionType;
    final MethodHandle run;
    final MethodHandle modelStatus;
    final MethodHandle getSolution;
    final MethodHandle setSolution;
    final MethodHandle setSparseSolution;
    final MethodHandle intInfo;
    final MethodHandle int64Info;
    final MethodHandle doubleInfo;
    final MethodHandle setCallback;
    final MethodHandle startCallback;
    final String version;

    private HighsLibrary(SymbolLookup lib) throws Throwable {
        create = bind(lib, "Highs_create", FunctionDescriptor.of(ADDRESS));
        destroy = bind(lib, "Highs_destroy", FunctionDescriptor.ofVoid(ADDRESS));
        // (highs, num_col, num_row, num_nz, a_format, sense, offset, col_cost, col_lower, col_upper,
        //  row_lower, row_upper, a_start, a_index, a_value, integrality)
        passMip = bind(lib, "Highs_passMip", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT,
                JAVA_INT, JAVA_INT, JAVA_DOUBLE, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS,
                ADDRESS, ADDRESS));
        setBoolOption = bind(lib, "Highs_setBoolOptionValue", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
        setIntOption = bind(lib, "Highs_setIntOptionValue", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
        setDoubleOption = bind(lib, "Highs_setDoubleOptionValue",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_DOUBLE));
        setOptionValue = bind(lib, "Highs_setOptionValue", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        getOptionType = bind(lib, "Highs_getOptionType", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        run = bind(lib, "Highs_run", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        modelStatus = bind(lib, "Highs_getModelStatus", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        getSolution = bind(lib, "Highs_getSolution", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS,
                ADDRESS, ADDRESS));
        setSolution = bind(lib, "Highs_setSolution", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS,
                ADDRESS, ADDRESS));
        // (highs, num_entries, index, value)
        setSparseSolution = bind(lib, "Highs_setSparseSolution", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT,
                ADDRESS, ADDRESS));
        intInfo = bind(lib, "Highs_getIntInfoValue", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        int64Info = bind(lib, "Highs_getInt64InfoValue", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        doubleInfo = bind(lib, "Highs_getDoubleInfoValue", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        setCallback = bind(lib, "Highs_setCallback", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        startCallback = bind(lib, "Highs_startCallback", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        MethodHandle major = bind(lib, "Highs_versionMajor", FunctionDescriptor.of(JAVA_INT));
        MethodHandle minor = bind(lib, "Highs_versionMinor", FunctionDescriptor.of(JAVA_INT));
        MethodHandle patch = bind(lib, "Highs_versionPatch", FunctionDescriptor.of(JAVA_INT));
        version = (int) major.invokeExact() + "." + (int) minor.invokeExact() + "." + (int) patch.invokeExact();
        MethodHandle sizeOfInt = bind(lib, "Highs_getSizeofHighsInt", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        MemorySegment probe = (MemorySegment) create.invokeExact();
        int intSize = (int) sizeOfInt.invokeExact(probe);
        destroy.invokeExact(probe);
        if (intSize != 4) {
            throw new IllegalStateException("HiGHS " + version + " uses " + 8 * intSize + "-bit HighsInt; this adapter"
                    + " binds the 32-bit one");
        }
        // the callback data layout read by HighsCallbacks is HiGHS 1.12's (it changed after 1.10)
        if (!(Integer.parseInt(version.split("\\.")[0]) == 1 && Integer.parseInt(version.split("\\.")[1]) >= 12)) {
            throw new IllegalStateException("HiGHS " + version + ": this adapter reads the callback data of HiGHS 1.12");
        }
    }

    private static MethodHandle bind(SymbolLookup lib, String name, FunctionDescriptor descriptor) {
        return Ffm.bind(lib, "HiGHS", name, descriptor);
    }
}
