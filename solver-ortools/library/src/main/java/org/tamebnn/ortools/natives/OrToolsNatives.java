package org.tamebnn.ortools.natives;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.tamebnn.api.milp.Availability;

/**
 * Loads OR-Tools' JNI library at most once per JVM and remembers the outcome.
 *
 * <p>Why this exists instead of OR-Tools' own {@code com.google.ortools.Loader}: inside an OSGi
 * framework the Loader cannot read the {@code bundle:} URLs of its resources, and
 * {@code Bundle-NativeCode} alone is not enough because {@code libjniortools.so} finds its ~100
 * sibling libraries through {@code RUNPATH $ORIGIN}, so they must sit in one folder. So the whole
 * native folder is copied to a fresh temporary directory and the JNI library is loaded from there.
 *
 * <p>The {@link System#load} call is made here on purpose: a JNI library binds to the class loader
 * of the class that loads it, and OR-Tools' native methods are defined by this bundle's loader.
 * Because every load copies to a fresh directory, a refreshed revision of this bundle loads its
 * own copy rather than failing with "already loaded in another classloader" (seen in Felix); the
 * old copy stays mapped until the old class loader is collected, so this bundle is still meant to
 * stay put for the life of a JVM, while the adapter bundles that use it are updated freely.
 */
public final class OrToolsNatives {
    /** The folder, inside this bundle, holding the linux-x86-64 shared libraries. */
    static final String NATIVE_FOLDER = "ortools-linux-x86-64";
    static final String JNI_LIBRARY = "libjniortools.so";

    private static Availability loaded;

    private OrToolsNatives() {
    }

    /**
     * Loads the natives if that has not been tried yet in this JVM; never throws. Unavailable
     * results say why (platform, missing files, a native library held by another class loader).
     */
    public static synchronized Availability ensureLoaded() {
        if (loaded == null) {
            loaded = load();
        }
        return loaded;
    }

    /** The OR-Tools release embedded in this bundle, known without loading any native code. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = OrToolsNatives.class.getResourceAsStream("ortools.properties")) {
            if (in == null) {
                return "unknown";
            }
            p.load(in);
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    private static Availability load() {
        String os = System.getProperty("os.name", "?");
        String arch = System.getProperty("os.arch", "?");
        if (!isLinuxX86_64(os, arch)) {
            return Availability.unavailable("this OR-Tools bundle carries native libraries for linux-x86-64 only; "
                    + "this JVM runs on " + os + " " + arch);
        }
        try {
            List<URL> entries = bundleEntries();
            if (entries != null) {
                Path folder = NativeFolder.copyToTemp(entries);
                System.load(folder.resolve(JNI_LIBRARY).toString());
                return Availability.yes();
            }
            // plain classpath (unit tests, no framework)
            URL jni = OrToolsNatives.class.getResource("/" + NATIVE_FOLDER + "/" + JNI_LIBRARY);
            if (jni != null && jni.getProtocol().equals("file")) {
                // an unpacked build folder: the libraries already sit side by side (OR-Tools'
                // Loader cannot read a folder, only a jar)
                System.load(Path.of(jni.toURI()).toString());
            } else {
                // inside a jar, OR-Tools' own Loader works
                com.google.ortools.Loader.loadNativeLibraries();
            }
            return Availability.yes();
        } catch (UnsatisfiedLinkError e) {
            return Availability.unavailable("OR-Tools native libraries could not be loaded: " + e.getMessage()
                    + (String.valueOf(e.getMessage()).contains("another classloader")
                            ? " (another copy of the OR-Tools library is loaded in this JVM; restart the JVM)"
                            : ""));
        } catch (IOException | UncheckedIOException | URISyntaxException e) {
            return Availability.unavailable("could not unpack OR-Tools native libraries to a temporary directory: "
                    + e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            return Availability.unavailable("OR-Tools native libraries could not be loaded: " + e);
        }
    }

    static boolean isLinuxX86_64(String os, String arch) {
        String a = arch.toLowerCase(Locale.ROOT);
        return os.toLowerCase(Locale.ROOT).startsWith("linux") && (a.equals("amd64") || a.equals("x86_64"));
    }

    /** The native folder's entries when running in an OSGi framework, else null. */
    private static List<URL> bundleEntries() throws IOException {
        try {
            return BundleEntries.of(OrToolsNatives.class, NATIVE_FOLDER);
        } catch (NoClassDefFoundError e) {
            // the OSGi framework API is not even on the classpath: certainly not inside OSGi
            return null;
        }
    }
}
