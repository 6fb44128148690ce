package org.tamebnn.example.glpk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Component;
import org.tamebnn.api.milp.AbstractMilpSolver;
import org.tamebnn.api.milp.Availability;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.Deadline;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.Sense;
import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolverInfo;
import org.tamebnn.api.mps.MpsWriter;

/**
 * GLPK through its command-line solver {@code glpsol}, run as a separate process: the model goes
 * to glpsol as a free MPS file and the answer comes back as glpsol's plain-text solution file,
 * both in a temporary folder deleted after the solve. Nothing native is loaded into the JVM, so
 * the bundle can be updated or removed at any time.
 *
 * <p>The service registers whether or not glpsol is installed; without it, {@link #availability()}
 * says what to install and every solve is an ERROR result saying the same.
 */
@Component(service = MilpSolver.class, property = MilpSolver.NAME_PROPERTY + "=" + GlpkSolver.NAME)
public final class GlpkSolver extends AbstractMilpSolver {
    static final String NAME = "glpk";

    private static final EnumSet<Capability> CAPABILITIES = EnumSet.of(Capability.INTEGER_VARIABLES,
            Capability.LP_DUALS, Capability.TIME_LIMIT, Capability.CANCELLATION, Capability.RELATIVE_GAP,
            Capability.BEST_BOUND);
    private static final String NOTES = "GLPK's glpsol program (Debian: apt-get install glpk-utils), run as a "
            + "process on a temporary MPS file; glpsol takes whole seconds, so a time limit is rounded down "
            + "(at least 1 s) and the process is killed on a cancel or if it overruns; every point is checked "
            + "against the model; no MIP start, threads, seed or progress reports; one process per solve, so "
            + "concurrent solves are safe";

    /**
     * glpsol's options for a MIP, beyond its defaults: the feasibility pump and every cut family
     * (Gomory, MIR, cover, clique). Measured with glpsol 5.0 on a 2-core machine, 20 s per model:
     * on nine BNN training models (BCW, 25, 50 and 75 points, 5 hidden neurons, three seeds)
     * GLPK's defaults prove 5 optimal and find no solution at all for 3; the pump alone proves 6;
     * pump and cuts prove all 9 (the slowest in 10 s). On the kit's ten MIPLIB instances all three
     * prove every optimum, in 4 to 7 s in all (p0201 the slowest, 2 to 4 s). Hybrid pseudo-cost
     * branching ({@code --pcost}) was faster on MIPLIB but is left out: with it glpsol overran its
     * time limit, running 18 s with {@code --tmlim 5} on a 200-point BNN model (5.7 s without).
     */
    static final List<String> MIP_OPTIONS = List.of("--fpump", "--cuts");

    private final Supplier<Glpsol> glpsol;

    /** The service: glpsol looked up on every call, so that installing it needs no restart. */
    public GlpkSolver() {
        this(Glpsol::find);
    }

    GlpkSolver(Supplier<Glpsol> glpsol) {
        this.glpsol = glpsol;
    }

    @Override
    public SolverInfo info() {
        return new SolverInfo(NAME, "GLPK (glpsol, run as a process)", glpsol.get().version(), CAPABILITIES, NOTES);
    }

    @Override
    public Availability availability() {
        return glpsol.get().availability();
    }

    @Override
    protected SolveResult solveChecked(MilpModel model, SolveParams params, SolveListener listener,
            CancellationToken cancellation, long startNanos) {
        Glpsol program = glpsol.get();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("tamebnn-glpk-");
            long translating = System.nanoTime();
            MpsWriter.write(forGlpsol(model), dir.resolve("model.mps"));
            Duration modelTime = elapsed(translating);
            Path solutionFile = dir.resolve("solution.txt");
            Path logFile = dir.resolve("glpsol.log");
            Optional<Deadline> deadline = Deadline.of(params.timeLimit(), startNanos);
            Glpsol.Run run = program.run(arguments(model, params, deadline), dir, logFile, cancellation);
            GlpkSolution solution = null;
            String problem = null;
            if (Files.exists(solutionFile)) {
                try {
                    solution = GlpkSolution.read(solutionFile);
                } catch (IOException e) {
                    problem = e.getMessage();
                }
            }
            return new ResultMapper(model, deadline).map(run.cancelled(), run.exitCode(), solution, problem,
                    GlpsolLog.read(logFile)).withModelTime(modelTime);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        } finally {
            delete(dir);
        }
    }

    /**
     * The model as glpsol reads it. glpsol's MPS reader knows no OBJSENSE section (the sense is
     * given on its command line instead), and it takes an RHS entry on the objective row as the
     * objective's constant itself, where MpsWriter writes the constant negated, the usual
     * convention. So the file always minimises and has no constant; {@link ResultMapper} computes
     * the objective from the point with the model's own constant.
     */
    static MilpModel forGlpsol(MilpModel model) {
        // the name is glpsol's NAME record, which must be one word
        return model.toBuilder("model").sense(Sense.MINIMIZE).objectiveOffset(0).build();
    }

    static List<String> arguments(MilpModel model, SolveParams params, Optional<Deadline> deadline) {
        List<String> args = new ArrayList<>(List.of("--freemps", "model.mps", "--write", "solution.txt",
                model.sense() == Sense.MAXIMIZE ? "--max" : "--min"));
        if (model.hasIntegers()) {
            args.addAll(MIP_OPTIONS);
            params.relativeGap().ifPresent(gap -> args.addAll(List.of("--mipgap",
                    BigDecimal.valueOf(gap).toPlainString())));
        } else {
            // without the presolver glpsol sets the LP's statuses whatever the outcome (see ResultMapper)
            args.add("--nopresol");
        }
        deadline.ifPresent(d -> args.addAll(List.of("--tmlim", Long.toString(wholeSecondsLeft(d)))));
        return args;
    }

    /**
     * What is left of the limit, for glpsol's {@code --tmlim}: whole seconds, rounded down (unlike
     * {@link Deadline#remainingSeconds()}) so that glpsol stops by itself within the limit and
     * writes its incumbent, since a killed glpsol writes nothing; and at least 1. When glpsol still
     * runs a grace period after the limit (a limit under 1 s, or a model that takes long to read,
     * which {@code --tmlim} does not count), the base class's watchdog cancels the solve and the
     * process is killed.
     */
    static long wholeSecondsLeft(Deadline deadline) {
        return Math.max(1, (deadline.endNanos() - System.nanoTime()) / 1_000_000_000L);
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a leftover temporary file must not turn an answer into an error
        }
    }

    @Override
    public String toString() {
        return NAME;
    }
}
