package org.tamebnn.solver.ortools;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * The few {@code java.lang.foreign} helpers shared by the adapters that call a solver's own C API
 * ({@code highs}, {@code scip}), whose bindings are written by hand since jextract is not available.
 */
final class Ffm {
    /** The C APIs' "infinite" (HiGHS's kHighsInf is +∞, SCIP's default infinity is 1e20): either means unknown. */
    static final double INFINITY = 1e20;

    private static final Linker LINKER = Linker.nativeLinker();

    private Ffm() {
    }

    /** A downcall to {@code name}, or an exception naming the library that lacks it. */
    static MethodHandle bind(SymbolLookup lib, String library, String name, FunctionDescriptor descriptor) {
        MemorySegment symbol = lib.find(name).orElseThrow(() -> new IllegalStateException(library + " has no " + name));
        return LINKER.downcallHandle(symbol, descriptor);
    }

    /**
     * A C function pointer to the static method {@code name} of the class {@code lookup} belongs to,
     * alive as long as the JVM (the stubs are made once per class). The method must catch every
     * throwable: one escaping an upcall ends the JVM.
     */
    static MemorySegment upcall(MethodHandles.Lookup lookup, String name, FunctionDescriptor descriptor) {
        try {
            MethodHandle target = lookup.findStatic(lookup.lookupClass(), name, descriptor.toMethodType());
            return LINKER.upcallStub(target, descriptor, Arena.global());
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A native copy of {@code a}; one element for an empty array, since a C API may not take NULL. */
    static MemorySegment doubles(Arena arena, double[] a) {
        return a.length == 0 ? arena.allocate(JAVA_DOUBLE) : arena.allocateFrom(JAVA_DOUBLE, a);
    }

    /** As {@link #doubles}, for ints. */
    static MemorySegment ints(Arena arena, int[] a) {
        return a.length == 0 ? arena.allocate(JAVA_INT) : arena.allocateFrom(JAVA_INT, a);
    }

    /** A bound or objective a C API reports, NaN when it is infinite (nothing known). */
    static double finite(double v) {
        return Double.isFinite(v) && Math.abs(v) < INFINITY ? v : Double.NaN;
    }
}
