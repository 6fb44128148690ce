package org.tamebnn.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamebnn.tck.MiplibInstance;

/**
 * Starts a real Apache Felix with the assembled distribution's bundles, found the way the launcher
 * finds it (ServiceLoader), and drives it the way a user does: the checks every framework must pass
 * ({@link PlatformContract}: through the service registry and the Gogo commands in process), and
 * here also as the shell command, which runs the launcher jar and so always Felix.
 */
class PlatformIT extends PlatformContract {
    @Override
    String frameworkClass() {
        return "org.apache.felix.framework.FrameworkFactory";
    }

    @Override
    String systemBundle() {
        return "org.apache.felix.framework";
    }

    @Override
    Platform start(Path home, Path plugins) throws Exception {
        return Platform.start(home, plugins, false);
    }

    @Test
    void bnnCompareFromTheShellHasARowPerMilpSolver(@TempDir Path tmp) throws Exception {
        Run r = shell(tmp, "bnn:compare", "--data", "bcw", "--train-size", "10", "--hidden", "2", "--time-limit", "60");
        assertEquals(0, r.exit, r.err);
        for (String solver : List.of("ojalgo", "ortools-scip", "scip", "ortools-highs", "highs", "ortools-cbc",
                "ortools-cpsat")) {
            assertTrue(r.out.lines().anyMatch(l -> l.startsWith("| " + solver + " ")), solver + " row in\n" + r.out);
        }
        assertFalse(r.out.contains("ortools-glop"), "LP-only solvers cannot train: " + r.out);
    }

    @Test
    void aSavedNetworkIsAppliedByBnnPredict(@TempDir Path tmp) throws Exception {
        Path model = tmp.resolve("bcw-model.json");
        Run train = shell(tmp, "bnn:train", "--data", "bcw", "--train-size", "10", "--hidden", "2", "--solver",
                "ortools-scip", "--save", model.toString());
        assertEquals(0, train.exit, train.err);
        assertTrue(Files.isRegularFile(model), train.out);
        Run predict = shell(tmp, "bnn:predict", "--model", model.toString(), "--data", "bcw");
        assertEquals(0, predict.exit, predict.err);
        assertTrue(predict.out.contains("699 rows"), predict.out);
        assertTrue(predict.out.lines().anyMatch(l -> l.startsWith("| all") && l.contains("%")), predict.out);
    }

    @Test
    void shellCommandSolvesAndExitsZero(@TempDir Path tmp) throws Exception {
        Path mps = MiplibInstance.named("p0033").copyTo(tmp);
        Run r = shell(tmp, "solver:solve", mps.toString(), "--time-limit", "60");
        assertEquals(0, r.exit, r.err);
        assertTrue(r.out.contains("3089"), r.out);
    }

    @Test
    void missingFileIsOneLineAndNonZero(@TempDir Path tmp) throws Exception {
        Run r = shell(tmp, "solver:solve", "no-such.mps");
        assertEquals(1, r.exit);
        assertEquals("tamebnn: no such file: no-such.mps", r.err.strip());
    }

    @Test
    void malformedMpsNamesFileAndLine(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("bad.mps"), "NAME bad\nROWS\n N obj\n L c1\nCOLUMNS\n x obj 1 c1 abc\nRHS\n"
                + " rhs c1 1\nENDATA\n");
        Run r = shell(tmp, "solver:solve", "bad.mps");
        assertEquals(1, r.exit);
        assertEquals(1, r.err.strip().lines().count(), "one line: " + r.err);
        assertTrue(r.err.contains("bad.mps") && r.err.contains(":6"), r.err);
    }

    @Test
    void unknownCommandIsAUsageError(@TempDir Path tmp) throws Exception {
        Run r = shell(tmp, "solver:frobnicate");
        assertEquals(2, r.exit);
        assertTrue(r.err.contains("unknown command 'solver:frobnicate'"), r.err);
    }

    private record Run(int exit, String out, String err) {
    }

    private Run shell(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Dtamebnn.home=" + DIST.toAbsolutePath(),
                "-Dtamebnn.plugins=" + work.resolve("plugins"), "-jar",
                DIST.resolve("tamebnn-launcher.jar").toAbsolutePath().toString()));
        cmd.addAll(Arrays.asList(args));
        Path outFile = dir.resolve("out.txt");
        Path errFile = dir.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(outFile.toFile())
                .redirectError(errFile.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "launcher did not exit");
        String err = Files.readString(errFile).lines().filter(l -> !l.startsWith("WARNING:"))
                .reduce("", (a, b) -> a + b + "\n");
        assertFalse(err.contains("\tat "), "a stack trace reached the user: " + err);
        return new Run(p.exitValue(), Files.readString(outFile), err);
    }
}
