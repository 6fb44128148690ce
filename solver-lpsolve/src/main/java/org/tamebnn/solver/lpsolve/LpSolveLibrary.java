package org.tamebnn.solver.lpsolve;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.tamebnn.api.milp.Availability;

/**
 * Finds lp_solve 5.5's shared library and binds its functions, once per JVM.
 *
 * <p>Where it looks, in order: the file named by {@value #PROPERTY} (when set, only there: a path
 * the user chose that does not load is reported, not silently replaced by another lp_solve), then
 * {@value #DEBIAN_PATH}, where Debian's {@code lp-solve} package puts it off the linker's path,
 * then {@value #SONAME} through the dynamic linker's search path (LD_LIBRARY_PATH, ldconfig).
 *
 * <p>A library that is missing, fails to load (libcolamd.so.2 absent, say) or lacks a function
 * leaves lp_solve unavailable with the reason, never an exception: the platform runs without it.
 * The library stays loaded for the JVM's life ({@link Arena#global()}), as native libraries do.
 */
final class LpSolveLibrary {
    static final String PROPERTY = "tamebnn.lpsolve.library";
    static final String DEBIAN_PATH = "/usr/lib/lp_solve/liblpsolve55.so";
    static final String SONAME = "liblpsolve55.so";
    static final String INSTALL_HINT = "lp_solve not found: install Debian's lp-solve package (apt-get install "
            + "lp-solve), or set -D" + PROPERTY + "=PATH";

    private final LpSolveFunctions functions;
    private final Availability availability;

    private LpSolveLibrary(LpSolveFunctions functions, Availability availability) {
        this.functions = functions;
        this.availability = availability;
    }

    /** The JVM-wide library, looked up on first use (the holder idiom makes that thread-safe and once). */
    static LpSolveLibrary shared() {
        return Shared.LIBRARY;
    }

    private static final class Shared {
        static final LpSolveLibrary LIBRARY = findOrExplain();

        /** A failure here would fail this class for the JVM's life, so anything unforeseen becomes the reason. */
        private static LpSolveLibrary findOrExplain() {
            try {
                return find(System.getProperty(PROPERTY));
            } catch (RuntimeException | LinkageError e) {
                return unavailable("looking for lp_solve failed: " + e);
            }
        }
    }

    /**
     * Looks the library up as described above, with {@code configuredPath} standing for the system
     * property (null when unset). Package-private so that tests can try a path without touching the
     * shared instance.
     */
    static LpSolveLibrary find(String configuredPath) {
        return find(configuredPath, Path.of(DEBIAN_PATH), SONAME);
    }

    /** As {@link #find(String)}, with the two fallback candidates given (tests make them miss). */
    static LpSolveLibrary find(String configuredPath, Path debianPath, String soname) {
        if (configuredPath != null && !configuredPath.isBlank()) {
            Path path;
            try {
                path = Path.of(configuredPath.strip());
            } catch (InvalidPathException e) {
                return unavailable("-D" + PROPERTY + "=" + configuredPath + " is not a valid path: " + e.getMessage());
            }
            String setBy = " (set by -D" + PROPERTY + ")";
            if (!Files.isRegularFile(path)) {
                return unavailable("lp_solve library " + path + setBy + " does not exist");
            }
            LpSolveLibrary lib = open(path.toString(), () -> SymbolLookup.libraryLookup(path, Arena.global()));
            return lib.isAvailable() ? lib : unavailable(lib.availability.reason() + setBy);
        }
        String debianFailure = null;
        if (Files.isRegularFile(debianPath)) {
            LpSolveLibrary lib = open(debianPath.toString(),
                    () -> SymbolLookup.libraryLookup(debianPath, Arena.global()));
            if (lib.isAvailable()) {
                return lib;
            }
            debianFailure = lib.availability.reason();
        }
        LpSolveLibrary lib = open(soname, () -> SymbolLookup.libraryLookup(soname, Arena.global()));
        if (lib.isAvailable()) {
            return lib;
        }
        // A Debian library that exists but does not load says more than "not on the linker's path".
        return unavailable(debianFailure == null ? INSTALL_HINT : debianFailure + "; reinstall with apt-get install "
                + "--reinstall lp-solve libcolamd2, or set -D" + PROPERTY + "=PATH");
    }

    /** Opens one candidate; an unavailable result's reason names the candidate and what went wrong. */
    private static LpSolveLibrary open(String where, Supplier<SymbolLookup> lookup) {
        SymbolLookup symbols;
        try {
            symbols = lookup.get();
        } catch (IllegalArgumentException e) {
            // dlopen failed; Java's message only repeats the name, so say what it usually means
            return unavailable(where + " does not load (not a shared library for this machine, or a dependency "
                    + "such as libcolamd.so.2 is missing)");
        } catch (IllegalCallerException e) {
            return nativeAccessDenied(e);
        }
        try {
            return new LpSolveLibrary(LpSolveFunctions.bind(symbols), Availability.yes());
        } catch (IllegalCallerException e) {
            return nativeAccessDenied(e);
        } catch (RuntimeException | LinkageError e) {
            return unavailable(where + " is not a usable lp_solve 5.5 library: " + e.getMessage());
        }
    }

    /** Thrown by FFM's restricted methods when the JVM runs with --illegal-native-access=deny. */
    private static LpSolveLibrary nativeAccessDenied(IllegalCallerException e) {
        return unavailable("native access is disabled for this code (" + e.getMessage()
                + "); start Java with --enable-native-access=ALL-UNNAMED");
    }

    private static LpSolveLibrary unavailable(String reason) {
        return new LpSolveLibrary(null, Availability.unavailable(reason));
    }

    Availability availability() {
        return availability;
    }

    boolean isAvailable() {
        return availability.isAvailable();
    }

    /** The bound functions; only call when {@link #availability()} says yes. */
    LpSolveFunctions functions() {
        if (functions == null) {
            throw new IllegalStateException(availability.reason());
        }
        return functions;
    }

    /** The library's version, e.g. {@code 5.5.2.5}, or a note saying it is absent. */
    String version() {
        return functions == null ? "not installed" : functions.version();
    }
}
