package org.tamebnn.ortools.natives;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Lists a folder of the bundle that defines a class. Kept apart from {@link OrToolsNatives} so
 * that the OSGi API is touched only here: on a plain classpath without it, loading this class
 * fails and the caller knows it is not in a framework.
 */
final class BundleEntries {
    private BundleEntries() {
    }

    /**
     * The files directly in {@code folder} of the bundle defining {@code type}; null when
     * {@code type} was not loaded by a bundle.
     */
    static List<URL> of(Class<?> type, String folder) throws IOException {
        Bundle bundle = FrameworkUtil.getBundle(type);
        if (bundle == null) {
            return null;
        }
        Enumeration<URL> found = bundle.findEntries(folder, "*", false);
        List<URL> files = new ArrayList<>();
        while (found != null && found.hasMoreElements()) {
            URL url = found.nextElement();
            if (!url.getPath().endsWith("/")) {
                files.add(url);
            }
        }
        if (files.isEmpty()) {
            throw new IOException("bundle " + bundle.getSymbolicName() + " " + bundle.getVersion()
                    + " has no files in its folder '" + folder + "/'");
        }
        return files;
    }
}
