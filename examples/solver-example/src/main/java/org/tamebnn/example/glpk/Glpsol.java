package org.tamebnn.example.glpk;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.tamebnn.api.milp.Availability;
import org.tamebnn.api.milp.CancellationToken;

/**
 * GLPK's command-line solver {@code glpsol}: where it is (or why it is not there), its version, and
 * running it.
 *
 * <p>Where it looks, first match wins: the file named by {@value #PROPERTY} (when set, only there,
 * so that a path the user chose is never silently replaced by another glpsol), then
 * {@code /usr/bin/glpsol} (Debian's {@code glpk-utils}), then the directories of {@code PATH}.
 * The lookup is repeated on every call, as it only checks files: installing glpk-utils makes the
 * solver available without restarting anything.
 */
final class Glpsol {
    static final String PROPERTY = "tamebnn.glpk.glpsol";
    static final String INSTALL_HINT = "install Debian's glpk-utils (apt-get install glpk-utils) or set -D"
            + PROPERTY + "=PATH";
    private static final Path DEBIAN_PATH = Path.of("/usr/bin/glpsol");

    /** {@code glpsol --version} per program, run once: a process start per {@code info()} call would be wasteful. */
    private static final Map<Path, Probe> PROBED = new ConcurrentHashMap<>();

    private final Path program;
    private final Availability availability;
    private final String version;

    private Glpsol(Path program, Availability availability, String version) {
        this.program = program;
        this.availability = availability;
        this.version = version;
    }

    /** Looks glpsol up as described above, reading the system property and {@code PATH} now. */
    static Glpsol find() {
        return find(System.getProperty(PROPERTY), DEBIAN_PATH, System.getenv("PATH"));
    }

    /** As {@link #find()}, with the property, the Debian path and {@code PATH} given (for tests). */
    static Glpsol find(String configured, Path debianPath, String searchPath) {
        if (configured != null && !configured.isBlank()) {
            Path path;
            try {
                path = Path.of(configured.strip());
            } catch (InvalidPathException e) {
                return missing("-D" + PROPERTY + "=" + configured + " is not a valid path");
            }
            if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
                return missing(path + " (set by -D" + PROPERTY + ") is not an executable file");
            }
            return probe(path);
        }
        if (Files.isExecutable(debianPath)) {
            return probe(debianPath);
        }
        for (String dir : (searchPath == null ? "" : searchPath).split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            try {
                Path candidate = Path.of(dir, "glpsol");
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return probe(candidate);
                }
            } catch (InvalidPathException e) {
                // a malformed PATH entry is not our business; try the next one
            }
        }
        return missing(null);
    }

    private static Glpsol missing(String detail) {
        String reason = "glpsol not found: " + (detail == null ? "" : detail + "; ") + INSTALL_HINT;
        return new Glpsol(null, Availability.unavailable(reason), "not installed");
    }

    /** Runs {@code glpsol --version}, once per program, so that a file that is not glpsol is found out here. */
    private static Glpsol probe(Path program) {
        Probe p = PROBED.computeIfAbsent(program, Glpsol::runVersion);
        return p.version() == null
                ? new Glpsol(null, Availability.unavailable(p.failure() + "; " + INSTALL_HINT), "unknown")
                : new Glpsol(program, Availability.yes(), p.version());
    }

    private record Probe(String version, String failure) {
    }

    /** The version from glpsol's first line, {@code GLPSOL--GLPK LP/MIP Solver 5.0}. */
    private static Probe runVersion(Path program) {
        try {
            Process p = new ProcessBuilder(program.toString(), "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            String first = out.lines().findFirst().orElse("");
            if (!first.startsWith("GLPSOL")) {
                return new Probe(null, program + " does not answer --version as glpsol does (it said '" + first + "')");
            }
            return new Probe(first.substring(first.lastIndexOf(' ') + 1), null);
        } catch (IOException e) {
            return new Probe(null, program + " does not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(null, "interrupted while running " + program + " --version");
        }
    }

    Availability availability() {
        return availability;
    }

    /** GLPK's version, e.g. {@code 5.0}, or a note saying glpsol is absent. */
    String version() {
        return version;
    }

    /** How one run ended: glpsol's exit code, and whether it was stopped through its token. */
    record Run(int exitCode, boolean cancelled) {
    }

    /**
     * Runs glpsol in {@code workDir} (so that its messages name files as {@code model.mps}, not by
     * their temporary paths), its terminal output going to {@code log}. Cancelling the token kills
     * the process: glpsol has no gentler way to be stopped, and it then writes no solution.
     */
    Run run(List<String> arguments, Path workDir, Path log, CancellationToken cancellation) throws IOException {
        if (program == null) {
            throw new IllegalStateException(availability.reason());
        }
        List<String> command = new ArrayList<>(arguments.size() + 1);
        command.add(program.toString());
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try (CancellationToken.Registration r = cancellation.onCancel(process::destroyForcibly)) {
            int exit;
            try {
                exit = process.waitFor();
            } catch (InterruptedException e) {
                // an interrupt is a cancel: stop glpsol, wait for it to go, and keep the flag for the caller
                process.destroyForcibly();
                exit = process.onExit().join().exitValue();
                Thread.currentThread().interrupt();
                return new Run(exit, true);
            }
            return new Run(exit, cancellation.isCancelled());
        }
    }
}
