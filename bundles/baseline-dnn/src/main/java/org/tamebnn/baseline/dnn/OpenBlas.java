package org.tamebnn.baseline.dnn;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;

/**
 * Whether the native BLAS that Smile's matrices call is there. Smile binds it through the FFM API by
 * library name (System property {@value #LIBRARY_PROPERTY}, default {@value #DEFAULT_LIBRARY}, so
 * {@code libopenblas.so} on Linux) when its first matrix operation runs; without the library that
 * fails deep inside Smile with an ExceptionInInitializerError, and every later call with a
 * NoClassDefFoundError. Probing first lets the baseline say what to install instead.
 */
public final class OpenBlas {
    /** Smile's property naming the BLAS library (e.g. {@code blas} for the reference BLAS's libblas.so). */
    public static final String LIBRARY_PROPERTY = "smile.lib.blas";
    /** Smile's default on Linux. */
    public static final String DEFAULT_LIBRARY = "openblas";
    /** What to tell a user who lacks it. */
    public static final String INSTALL_HINT = "dnn needs OpenBLAS: install libopenblas-dev"
            + " (apt-get install libopenblas-dev)";

    private static volatile Availability cached;

    private OpenBlas() {
    }

    /** Available, or why not. */
    public record Availability(boolean available, String library, String reason) {
        /** "libopenblas.so: available" or the reason with the install hint. */
        public String describe() {
            return available ? library + ": available" : INSTALL_HINT + "; " + reason;
        }
    }

    /** The library Smile will load in this JVM, probed once. */
    public static Availability availability() {
        Availability a = cached;
        if (a == null) {
            a = probe(System.getProperty(LIBRARY_PROPERTY, DEFAULT_LIBRARY));
            cached = a;
        }
        return a;
    }

    /** Opens the BLAS library {@code name} (as Smile names it) and looks for the CBLAS routine the MLP uses. */
    public static Availability probe(String name) {
        String file = System.mapLibraryName(name);
        try (Arena arena = Arena.ofConfined()) {
            SymbolLookup library = SymbolLookup.libraryLookup(file, arena);
            if (library.find("cblas_dgemv").isEmpty()) {
                return new Availability(false, file, file + " was found but has no cblas_dgemv; it is not a CBLAS");
            }
            return new Availability(true, file, "");
        } catch (IllegalArgumentException e) {
            return new Availability(false, file, file + " cannot be opened (not on the library path)");
        } catch (IllegalCallerException e) {
            return new Availability(false, file, "native access is disabled for this code; start Java with"
                    + " --enable-native-access=ALL-UNNAMED");
        }
    }

    /** Throws {@link DnnUnavailableException} unless the library is there. */
    static void require() {
        Availability a = availability();
        if (!a.available()) {
            throw new DnnUnavailableException(a.describe(), null);
        }
    }
}
