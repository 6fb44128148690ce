package org.tamebnn.ortools.natives;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Copies a set of native libraries into one fresh temporary directory, deleted on JVM exit. */
final class NativeFolder {
    private NativeFolder() {
    }

    /**
     * Copies every {@code .so} file (versioned names like {@code libscip.so.10.0} included) into a
     * new directory and returns it. The libraries must share one directory: they find each other
     * through {@code RUNPATH $ORIGIN}.
     */
    static Path copyToTemp(List<URL> files) throws IOException {
        Path dir = Files.createTempDirectory("tamebnn-ortools-");
        // deleteOnExit runs in reverse order of registration: files first, then the directory
        dir.toFile().deleteOnExit();
        boolean jniFound = false;
        for (URL url : files) {
            String name = fileName(url);
            if (!name.contains(".so")) {
                continue;
            }
            Path target = dir.resolve(name);
            target.toFile().deleteOnExit();
            try (InputStream in = url.openStream()) {
                Files.copy(in, target);
            }
            jniFound |= name.equals(OrToolsNatives.JNI_LIBRARY);
        }
        if (!jniFound) {
            throw new IOException(OrToolsNatives.JNI_LIBRARY + " is missing from the bundle's folder '"
                    + OrToolsNatives.NATIVE_FOLDER + "/'");
        }
        return dir;
    }

    private static String fileName(URL url) {
        String path = url.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
