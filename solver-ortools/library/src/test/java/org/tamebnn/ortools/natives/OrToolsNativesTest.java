package org.tamebnn.ortools.natives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamebnn.api.milp.Availability;

import com.google.ortools.linearsolver.MPSolver;

/** On a plain classpath (no framework) the natives load through OR-Tools' own Loader. */
class OrToolsNativesTest {

    @Test
    void loadsOnceAndThenOrToolsWorks() {
        Availability first = OrToolsNatives.ensureLoaded();
        assertTrue(first.isAvailable(), first.reason());
        assertSame(first, OrToolsNatives.ensureLoaded(), "the outcome is cached");
        MPSolver solver = MPSolver.createSolver("GLOP");
        assertNotNull(solver);
        solver.delete();
        assertEquals(OrToolsNatives.version(), com.google.ortools.init.OrToolsVersion.getVersionString());
    }

    @Test
    void versionIsKnownWithoutNatives() {
        assertEquals("9.15.6755", OrToolsNatives.version());
    }

    @Test
    void onlyLinuxX86_64IsSupported() {
        assertTrue(OrToolsNatives.isLinuxX86_64("Linux", "amd64"));
        assertTrue(OrToolsNatives.isLinuxX86_64("Linux", "x86_64"));
        assertFalse(OrToolsNatives.isLinuxX86_64("Linux", "aarch64"));
        assertFalse(OrToolsNatives.isLinuxX86_64("Mac OS X", "x86_64"));
        assertFalse(OrToolsNatives.isLinuxX86_64("Windows 11", "amd64"));
    }

    @Test
    void copiesEverySharedLibraryIntoOneFolder(@TempDir Path source) throws IOException {
        Files.writeString(source.resolve(OrToolsNatives.JNI_LIBRARY), "jni");
        Files.writeString(source.resolve("libscip.so.10.0"), "scip");
        Files.writeString(source.resolve("README.txt"), "not a library");
        List<URL> entries = List.of(url(source, OrToolsNatives.JNI_LIBRARY), url(source, "libscip.so.10.0"),
                url(source, "README.txt"));
        Path copied = NativeFolder.copyToTemp(entries);
        assertEquals("jni", Files.readString(copied.resolve(OrToolsNatives.JNI_LIBRARY)));
        assertEquals("scip", Files.readString(copied.resolve("libscip.so.10.0")));
        assertFalse(Files.exists(copied.resolve("README.txt")));
    }

    @Test
    void aFolderWithoutTheJniLibraryIsAnError(@TempDir Path source) throws IOException {
        Files.writeString(source.resolve("libz.so.1"), "z");
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> NativeFolder.copyToTemp(List.of(url(source, "libz.so.1"))));
        assertTrue(e.getMessage().contains(OrToolsNatives.JNI_LIBRARY), e.getMessage());
    }

    private static URL url(Path folder, String file) throws IOException {
        return folder.resolve(file).toUri().toURL();
    }
}
