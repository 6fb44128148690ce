package org.tamebnn.solver.ortools;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;

import org.tamebnn.api.milp.Availability;
import org.tamebnn.ortools.natives.OrToolsNatives;

/**
 * A solver's C library inside OR-Tools' native jar, bound through {@code java.lang.foreign} at most
 * once per JVM. OR-Tools' natives are loaded first: the lookup by soname then finds the copy they
 * loaded, so no second copy of the solver is loaded. A failure is remembered with its reason.
 *
 * @param <T> the bindings
 */
final class BundledLibrary<T> {
    /** Binds the functions of a library found by its soname. */
    @FunctionalInterface
    interface Binder<T> {
        T bind(SymbolLookup lib) throws Throwable;
    }

    private final String name;
    private final String soname;
    private final Binder<T> binder;
    /** The bindings, or why they could not be made; null until first asked. */
    private Object loaded;

    BundledLibrary(String name, String soname, Binder<T> binder) {
        this.name = name;
        this.soname = soname;
        this.binder = binder;
    }

    synchronized Availability availability() {
        Availability natives = OrToolsNatives.ensureLoaded();
        if (!natives.isAvailable()) {
            return natives;
        }
        if (loaded == null) {
            try {
                loaded = binder.bind(SymbolLookup.libraryLookup(soname, Arena.global()));
            } catch (Throwable t) {
                String why = t.getMessage() == null ? t.toString() : t.getMessage();
                loaded = name + "'s C API (" + soname + "): " + why;
            }
        }
        return loaded instanceof String why ? Availability.unavailable(why) : Availability.yes();
    }

    /** The library's version as {@code version} reads it from the bindings, or "?" when they are not available. */
    String version(java.util.function.Function<T, String> version) {
        return availability().isAvailable() ? version.apply(get()) : "?";
    }

    /** The bindings; throws, with the reason, when {@link #availability()} says they are not available. */
    @SuppressWarnings("unchecked")
    T get() {
        Availability a = availability();
        if (!a.isAvailable()) {
            throw new IllegalStateException(a.reason());
        }
        synchronized (this) {
            return (T) loaded;
        }
    }
}
