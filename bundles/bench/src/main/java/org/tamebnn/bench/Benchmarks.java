package org.tamebnn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Runs the benchmarks and writes their tables to {@code bundles/bench/results/}, which the README
 * quotes. Usage: {@code Benchmarks ROOT} with ROOT the repository (the distribution must be built).
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path results = root.resolve("bundles/bench/results");
        Files.createDirectories(results);
        String table = StartupBench.run(root, 10);
        write(results.resolve("startup.md"), table);
        System.out.println(table);
    }

    static void write(Path file, String table) throws IOException {
        String header = String.format(Locale.ROOT, "Measured %s on %s (%d cores, %s, Java %s).%n%n",
                java.time.LocalDate.now(), machine(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                System.getProperty("java.version"));
        Files.writeString(file, header + table);
    }

    static String machine() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}
