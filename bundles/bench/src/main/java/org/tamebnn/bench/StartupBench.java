package org.tamebnn.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How long the platform takes to answer a command from a cold start: {@code tamebnn solver:list}
 * (JVM start, Felix, every bundle, SCR, Gogo, the command, shutdown) against a bare JVM start
 * ({@code java -version}), run alternately so that both see the same machine, with the ratio taken
 * pair by pair. The console is ready before the scripted command has finished, so this bounds the
 * console's start-up from above.
 */
final class StartupBench {
    private StartupBench() {
    }

    static String run(Path root, int runs) throws IOException, InterruptedException {
        Path dist = root.resolve("launcher/app/target/tamebnn");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> platform = List.of(java, "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-Dtamebnn.home=" + dist,
                "-Dtamebnn.plugins=" + root.resolve("plugins"), "-jar",
                dist.resolve("tamebnn-launcher.jar").toString(), "solver:list");
        List<String> bare = List.of(java, "-version");
        time(platform);
        time(bare); // warm-up of both, not counted
        double[] a = new double[runs];
        double[] b = new double[runs];
        double[] ratio = new double[runs];
        for (int i = 0; i < runs; i++) {
            a[i] = time(platform);
            b[i] = time(bare);
            ratio[i] = a[i] / b[i];
        }
        return String.format(Locale.ROOT, """
                | command | median wall time | min | max |
                |---|---|---|---|
                | `tamebnn solver:list` (cold start to exit) | %.2f s | %.2f s | %.2f s |
                | `java -version` (bare JVM start) | %.2f s | %.2f s | %.2f s |
                | ratio, pair by pair | %.1f× | %.1f× | %.1f× |
                """, Stats.median(a), min(a), max(a), Stats.median(b), min(b), max(b), Stats.median(ratio), min(ratio), max(ratio))
                + String.format(Locale.ROOT, "%n%d alternating runs of each after one warm-up.%n", runs);
    }

    private static double time(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int exit = p.waitFor();
        if (exit != 0) {
            throw new IOException("benchmark command failed with exit " + exit + ": " + command);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }
}
