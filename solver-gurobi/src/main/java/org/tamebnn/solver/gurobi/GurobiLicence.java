package org.tamebnn.solver.gurobi;

import org.tamebnn.api.milp.Availability;

import com.gurobi.gurobi.GRB;
import com.gurobi.gurobi.GRBEnv;
import com.gurobi.gurobi.GRBException;

/**
 * Whether Gurobi can run here: its native library loads and an environment starts, which is when
 * Gurobi looks for a licence by its own rules (GRB_LICENSE_FILE, then gurobi.lic in the home
 * folder and the usual system places, or Web License Service settings). Checked once, when first
 * asked: starting an environment takes a while (a licence server may be asked), and a native
 * library that failed to load stays failed for the class loader.
 */
final class GurobiLicence {
    private GurobiLicence() {
    }

    /** The answer for this class loader (this bundle revision), worked out once. */
    static Availability availability() {
        return Once.ANSWER;
    }

    private static final class Once {
        static final Availability ANSWER = check();
    }

    /** Starts and disposes an empty environment, quietly, and says why when it cannot. */
    static Availability check() {
        GRBEnv env = null;
        try {
            env = new GRBEnv(true);
            env.set(GRB.IntParam.OutputFlag, 0);
            env.start();
            return Availability.yes();
        } catch (GRBException e) {
            return Availability.unavailable(reason(e.getErrorCode(), e.getMessage()));
        } catch (LinkageError e) {
            // UnsatisfiedLinkError, or GurobiJni's static initialiser failing (ExceptionInInitializerError)
            return Availability.unavailable(nativeReason(describe(e)));
        } catch (RuntimeException e) {
            return Availability.unavailable("Gurobi did not start: " + oneLine(describe(e)));
        } finally {
            dispose(env);
        }
    }

    /** The reason for an environment that did not start with error {@code code} and Gurobi's own message. */
    static String reason(int code, String message) {
        String gurobi = oneLine(message == null ? "error " + code : message);
        if (code == GRB.Error.NO_LICENSE) {
            return "no usable Gurobi licence (set GRB_LICENSE_FILE or run grbgetkey): " + gurobi;
        }
        return "Gurobi did not start (error " + code + "): " + gurobi;
    }

    /**
     * The reason for a native library that did not load. The JVM lets one class loader at a time
     * hold a native library, and Gurobi loads its own from one fixed place: a second copy of this
     * bundle in the same JVM (dropped in again, or updated) finds it held by the first one's.
     */
    static String nativeReason(String error) {
        String why = oneLine(error);
        if (why.contains("already loaded in another classloader")) {
            return "Gurobi's native library is still held by an earlier copy of this bundle (a JVM loads a native"
                    + " library for one class loader only): restart tamebnn to use this one; " + why;
        }
        return "Gurobi's native library did not load (" + System.getProperty("os.name") + ", "
                + System.getProperty("os.arch") + "): " + why;
    }

    static void dispose(GRBEnv env) {
        if (env == null) {
            return;
        }
        try {
            env.dispose();
        } catch (GRBException | RuntimeException e) {
            // an environment that never started has nothing to give back
        }
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** Gurobi's messages are one line already; this keeps it so for the console's status column. */
    static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
