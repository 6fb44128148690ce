package org.tamebnn.solver.lpsolve;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * The lp_solve 5.5 functions this adapter calls, as FFM downcall handles, with the C types of
 * {@code lp_lib.h} on Linux x86-64: {@code lprec *} an address, {@code MYBOOL} an unsigned char,
 * {@code REAL} a double, {@code long} and {@code COUNTER} (long long) 64 bits.
 *
 * <p>Each wrapper calls exactly one C function. Column and row numbers are lp_solve's, 1-based.
 * Nothing here checks arguments: {@link LpProblem} owns the {@code lprec} and its lifetime.
 */
final class LpSolveFunctions {
    static final byte TRUE = 1;
    static final byte FALSE = 0;

    private final MethodHandle makeLp;
    private final MethodHandle deleteLp;
    private final MethodHandle setMinim;
    private final MethodHandle setMaxim;
    private final MethodHandle setObjFnex;
    private final MethodHandle addConstraintex;
    private final MethodHandle setAddRowmode;
    private final MethodHandle setRhRange;
    private final MethodHandle setBounds;
    private final MethodHandle setUnbounded;
    private final MethodHandle setInt;
    private final MethodHandle getInfinite;
    private final MethodHandle setVerbose;
    private final MethodHandle setTimeout;
    private final MethodHandle setPresolve;
    private final MethodHandle setScaling;
    private final MethodHandle setBbRule;
    private final MethodHandle putAbortfunc;
    private final MethodHandle solve;
    private final MethodHandle getNcolumns;
    private final MethodHandle getNrows;
    private final MethodHandle getVariables;
    private final MethodHandle getDualSolution;
    private final MethodHandle getTotalNodes;
    private final String version;

    private LpSolveFunctions(SymbolLookup lib) {
        makeLp = bind(lib, "make_lp", FunctionDescriptor.of(ADDRESS, JAVA_INT, JAVA_INT));
        deleteLp = bind(lib, "delete_lp", FunctionDescriptor.ofVoid(ADDRESS));
        setMinim = bind(lib, "set_minim", FunctionDescriptor.ofVoid(ADDRESS));
        setMaxim = bind(lib, "set_maxim", FunctionDescriptor.ofVoid(ADDRESS));
        setObjFnex = bind(lib, "set_obj_fnex", FunctionDescriptor.of(JAVA_BYTE, ADDRESS, JAVA_INT, ADDRESS, ADDRESS));
        addConstraintex = bind(lib, "add_constraintex",
                FunctionDescriptor.of(JAVA_BYTE, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_DOUBLE));
        setAddRowmode = bind(lib, "set_add_rowmode", FunctionDescriptor.of(JAVA_BYTE, ADDRESS, JAVA_BYTE));
        setRhRange = bind(lib, "set_rh_range", FunctionDescriptor.of(JAVA_BYTE, ADDRESS, JAVA_INT, JAVA_DOUBLE));
        setBounds = bind(lib, "set_bounds",
                FunctionDescriptor.of(JAVA_BYTE, ADDRESS, JAVA_INT, JAVA_DOUBLE, JAVA_DOUBLE));
        setUnbounded = bind(lib, "set_unbounded", FunctionDescriptor.of(JAVA_BYTE, ADDRESS, JAVA_INT));
        setInt = bind(lib, "set_int", FunctionDescriptor.of(JAVA_BYTE, ADDRESS, JAVA_INT, JAVA_BYTE));
        getInfinite = bind(lib, "get_infinite", FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS));
        setVerbose = bind(lib, "set_verbose", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT));
        setTimeout = bind(lib, "set_timeout", FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG));
        setPresolve = bind(lib, "set_presolve", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, JAVA_INT));
        setScaling = bind(lib, "set_scaling", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT));
        setBbRule = bind(lib, "set_bb_rule", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT));
        putAbortfunc = bind(lib, "put_abortfunc", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS));
        solve = bind(lib, "solve", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        getNcolumns = bind(lib, "get_Ncolumns", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        getNrows = bind(lib, "get_Nrows", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        getVariables = bind(lib, "get_variables", FunctionDescriptor.of(JAVA_BYTE, ADDRESS, ADDRESS));
        getDualSolution = bind(lib, "get_dual_solution", FunctionDescriptor.of(JAVA_BYTE, ADDRESS, ADDRESS));
        getTotalNodes = bind(lib, "get_total_nodes", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        version = readVersion(bind(lib, "lp_solve_version",
                FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, ADDRESS)));
    }

    /**
     * Binds every function from {@code lib}.
     *
     * @throws IllegalStateException naming a missing function, or when the library is not lp_solve 5.5
     */
    static LpSolveFunctions bind(SymbolLookup lib) {
        return new LpSolveFunctions(lib);
    }

    private static MethodHandle bind(SymbolLookup lib, String name, FunctionDescriptor signature) {
        MemorySegment address = lib.find(name)
                .orElseThrow(() -> new IllegalStateException("it has no function " + name));
        return Linker.nativeLinker().downcallHandle(address, signature);
    }

    /** "5.5.2.5"; anything but 5.5 is refused, since the signatures above are 5.5's. */
    private static String readVersion(MethodHandle lpSolveVersion) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(JAVA_INT, 4);
            try {
                lpSolveVersion.invokeExact(v, v.asSlice(4), v.asSlice(8), v.asSlice(12));
            } catch (Throwable t) {
                throw failure("lp_solve_version", t);
            }
            int[] parts = v.toArray(JAVA_INT);
            if (parts[0] != 5 || parts[1] != 5) {
                throw new IllegalStateException("it is lp_solve " + parts[0] + "." + parts[1] + ", not 5.5");
            }
            return parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3];
        }
    }

    String version() {
        return version;
    }

    MemorySegment makeLp(int rows, int columns) {
        try {
            return (MemorySegment) makeLp.invokeExact(rows, columns);
        } catch (Throwable t) {
            throw failure("make_lp", t);
        }
    }

    void deleteLp(MemorySegment lp) {
        try {
            deleteLp.invokeExact(lp);
        } catch (Throwable t) {
            throw failure("delete_lp", t);
        }
    }

    void setMinim(MemorySegment lp) {
        try {
            setMinim.invokeExact(lp);
        } catch (Throwable t) {
            throw failure("set_minim", t);
        }
    }

    void setMaxim(MemorySegment lp) {
        try {
            setMaxim.invokeExact(lp);
        } catch (Throwable t) {
            throw failure("set_maxim", t);
        }
    }

    /** {@code values[k]} is the coefficient of 1-based column {@code columns[k]}. */
    boolean setObjFnex(MemorySegment lp, int count, MemorySegment values, MemorySegment columns) {
        try {
            return (byte) setObjFnex.invokeExact(lp, count, values, columns) != 0;
        } catch (Throwable t) {
            throw failure("set_obj_fnex", t);
        }
    }

    /** Values 0-based, column numbers 1-based; {@code type} is {@link LpConstants#LE}, GE or EQ. */
    boolean addConstraintex(MemorySegment lp, int count, MemorySegment values, MemorySegment columns, int type,
            double rhs) {
        try {
            return (byte) addConstraintex.invokeExact(lp, count, values, columns, type, rhs) != 0;
        } catch (Throwable t) {
            throw failure("add_constraintex", t);
        }
    }

    boolean setAddRowmode(MemorySegment lp, boolean on) {
        try {
            return (byte) setAddRowmode.invokeExact(lp, on ? TRUE : FALSE) != 0;
        } catch (Throwable t) {
            throw failure("set_add_rowmode", t);
        }
    }

    boolean setRhRange(MemorySegment lp, int row, double delta) {
        try {
            return (byte) setRhRange.invokeExact(lp, row, delta) != 0;
        } catch (Throwable t) {
            throw failure("set_rh_range", t);
        }
    }

    boolean setBounds(MemorySegment lp, int column, double lower, double upper) {
        try {
            return (byte) setBounds.invokeExact(lp, column, lower, upper) != 0;
        } catch (Throwable t) {
            throw failure("set_bounds", t);
        }
    }

    boolean setUnbounded(MemorySegment lp, int column) {
        try {
            return (byte) setUnbounded.invokeExact(lp, column) != 0;
        } catch (Throwable t) {
            throw failure("set_unbounded", t);
        }
    }

    boolean setInt(MemorySegment lp, int column, boolean integer) {
        try {
            return (byte) setInt.invokeExact(lp, column, integer ? TRUE : FALSE) != 0;
        } catch (Throwable t) {
            throw failure("set_int", t);
        }
    }

    double getInfinite(MemorySegment lp) {
        try {
            return (double) getInfinite.invokeExact(lp);
        } catch (Throwable t) {
            throw failure("get_infinite", t);
        }
    }

    void setVerbose(MemorySegment lp, int level) {
        try {
            setVerbose.invokeExact(lp, level);
        } catch (Throwable t) {
            throw failure("set_verbose", t);
        }
    }

    void setTimeout(MemorySegment lp, long seconds) {
        try {
            setTimeout.invokeExact(lp, seconds);
        } catch (Throwable t) {
            throw failure("set_timeout", t);
        }
    }

    void setPresolve(MemorySegment lp, int mode, int maxLoops) {
        try {
            setPresolve.invokeExact(lp, mode, maxLoops);
        } catch (Throwable t) {
            throw failure("set_presolve", t);
        }
    }

    void setScaling(MemorySegment lp, int mode) {
        try {
            setScaling.invokeExact(lp, mode);
        } catch (Throwable t) {
            throw failure("set_scaling", t);
        }
    }

    void setBbRule(MemorySegment lp, int rule) {
        try {
            setBbRule.invokeExact(lp, rule);
        } catch (Throwable t) {
            throw failure("set_bb_rule", t);
        }
    }

    /** Installs {@code int f(lprec *, void *)}, called while solving; non-zero aborts (USERABORT). */
    void putAbortfunc(MemorySegment lp, MemorySegment function, MemorySegment handle) {
        try {
            putAbortfunc.invokeExact(lp, function, handle);
        } catch (Throwable t) {
            throw failure("put_abortfunc", t);
        }
    }

    int solve(MemorySegment lp) {
        try {
            return (int) solve.invokeExact(lp);
        } catch (Throwable t) {
            throw failure("solve", t);
        }
    }

    int getNcolumns(MemorySegment lp) {
        try {
            return (int) getNcolumns.invokeExact(lp);
        } catch (Throwable t) {
            throw failure("get_Ncolumns", t);
        }
    }

    int getNrows(MemorySegment lp) {
        try {
            return (int) getNrows.invokeExact(lp);
        } catch (Throwable t) {
            throw failure("get_Nrows", t);
        }
    }

    /** Copies the columns' values into {@code out} (at least get_Ncolumns doubles). */
    boolean getVariables(MemorySegment lp, MemorySegment out) {
        try {
            return (byte) getVariables.invokeExact(lp, out) != 0;
        } catch (Throwable t) {
            throw failure("get_variables", t);
        }
    }

    /** Copies 1 + rows + columns doubles into {@code out}: slot 0 unused, row duals, reduced costs. */
    boolean getDualSolution(MemorySegment lp, MemorySegment out) {
        try {
            return (byte) getDualSolution.invokeExact(lp, out) != 0;
        } catch (Throwable t) {
            throw failure("get_dual_solution", t);
        }
    }

    long getTotalNodes(MemorySegment lp) {
        try {
            return (long) getTotalNodes.invokeExact(lp);
        } catch (Throwable t) {
            throw failure("get_total_nodes", t);
        }
    }

    private static IllegalStateException failure(String function, Throwable t) {
        return new IllegalStateException("lp_solve's " + function + " failed: " + t, t);
    }
}
