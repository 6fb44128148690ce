package org.tamebnn.solver.lpsolve;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The C function lp_solve calls while it solves ({@code put_abortfunc}): it returns non-zero once
 * the solve's flag is set or its deadline has passed, and lp_solve then stops with USERABORT.
 * lp_solve calls it from its simplex and branch-and-bound loops, so a cancel takes effect within
 * an iteration. The deadline makes a time limit exact: {@code set_timeout} takes whole seconds
 * only, so alone it would overrun a limit of 1.5 s by half a second.
 *
 * <p>The Java side only reads a flag and the clock: an exception thrown into native code would
 * end the JVM.
 */
final class AbortFunction {
    /** No deadline: {@link System#nanoTime()} never reaches it within a solve. */
    static final long NO_DEADLINE = Long.MAX_VALUE;

    private static final MethodHandle CHECK;
    private static final FunctionDescriptor SIGNATURE = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS);

    static {
        try {
            CHECK = MethodHandles.lookup().findStatic(AbortFunction.class, "check",
                    MethodType.methodType(int.class, AtomicBoolean.class, long.class, MemorySegment.class,
                            MemorySegment.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private AbortFunction() {
    }

    /**
     * A function pointer reading {@code flag} and the clock, valid until {@code arena} closes.
     *
     * @param deadlineNanos {@link System#nanoTime()} at which to stop, or {@link #NO_DEADLINE}
     */
    static MemorySegment of(AtomicBoolean flag, long deadlineNanos, Arena arena) {
        return Linker.nativeLinker().upcallStub(MethodHandles.insertArguments(CHECK, 0, flag, deadlineNanos),
                SIGNATURE, arena);
    }

    @SuppressWarnings("unused") // called from lp_solve through the upcall stub
    private static int check(AtomicBoolean flag, long deadlineNanos, MemorySegment lp, MemorySegment handle) {
        boolean late = deadlineNanos != NO_DEADLINE && System.nanoTime() - deadlineNanos >= 0;
        return flag.get() || late ? 1 : 0;
    }
}
