package org.tamebnn.console;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tamebnn.api.dual.DualConstructor;
import org.tamebnn.api.dual.DualFunction;
import org.tamebnn.api.dual.DualRequest;
import org.tamebnn.api.dual.DualResult;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.dual.DualPlot;
import org.tamebnn.dual.PiecewiseLinearFit;
import org.tamebnn.dual.RunningExample;
import org.tamebnn.dual.SubadditiveDualCheck;
import org.tamebnn.dual.ValueFunction1D;

/**
 * The Taming paper's running example (10)/(11), reproduced by the product: the exact value function
 * on [−4, 4] with its breakpoints, every installed method's dual function built at b₀ on the same
 * grid with F ≤ z checked, the two-segment function (12) put through the check of (7), and the best
 * k-piece fits (14). {@code dual:example} prints it; {@code dual:plot} draws it (Figure 4).
 */
final class RunningExampleReport {
    /** The grid of notes §5.4's table. */
    private static final double[] GRID = { -3, -2.5, -2, -1.5, -1, -0.5, 0, 0.25, 0.5, 0.75, 1, 1.5, 2, 2.5, 3 };
    private static final double CHECK_STEP = 1.0 / 64;

    private final double b0;
    private final ValueFunction1D z;
    private final Map<String, DualFunction> functions = new LinkedHashMap<>();
    private final List<String> notBuilt = new ArrayList<>();
    private final Map<String, String> builtOn = new LinkedHashMap<>();

    private RunningExampleReport(double b0, ValueFunction1D z) {
        this.b0 = b0;
        this.z = z;
    }

    /**
     * Builds everything: z on {@code milp}; each method at b₀ on {@code lp} when it needs LP duals,
     * else on {@code milp}.
     */
    static RunningExampleReport build(double b0, List<DualConstructor> methods, MilpSolver milp, MilpSolver lp,
            double timeLimit) {
        ValueFunction1D z = ValueFunction1D.compute(RunningExample.model(), RunningExample.ROW, RunningExample.LO,
                RunningExample.HI, milp);
        RunningExampleReport report = new RunningExampleReport(b0, z);
        SolveParams params = SolveParams.defaults().withTimeLimitSeconds(timeLimit);
        for (DualConstructor method : methods) {
            MilpSolver on = method.needs().contains(Capability.LP_DUALS) ? lp : milp;
            DualResult r = method.construct(RunningExample.model(b0), DualRequest.of(on).withParams(params));
            if (r.function().isPresent()) {
                report.functions.put(method.name(), r.function().get());
                report.builtOn.put(method.name(), on.info().name());
            } else {
                report.notBuilt.add(method.name() + ": " + r.message());
            }
        }
        return report;
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("Running example (Aspman et al. (10)): min ½x₁ + 2y₁ + y₂ s.t. x₁ − 3/2 x₂ + y₁ − y₂ = b,")
                .append(" x ∈ Z₊², y ∈ R₊²").append(System.lineSeparator()).append(System.lineSeparator());
        sb.append(z).append(System.lineSeparator());
        sb.append(z.toTable()).append(System.lineSeparator());
        sb.append(String.format(Locale.ROOT, "Dual functions built at b₀ = %s, on the grid of notes §5.4:%n",
                Format.number(b0)));
        sb.append(grid()).append(System.lineSeparator());
        for (var e : functions.entrySet()) {
            sb.append(String.format(Locale.ROOT, "%-22s on %-13s %s; %s%n", e.getKey(), builtOn.get(e.getKey()),
                    belowZ(e.getValue()), e.getValue().certificate().kind().name().toLowerCase(Locale.ROOT)
                            .replace('_', ' ')));
        }
        for (String why : notBuilt) {
            sb.append(why).append(System.lineSeparator());
        }
        sb.append(System.lineSeparator()).append("The paper's two-segment function (12), with its conservative field (13):")
                .append(System.lineSeparator());
        DualFunction twelve = RunningExample.twoSegment();
        sb.append("  ").append(twelve.certificate().describe()).append(System.lineSeparator());
        sb.append("  the check of (7): ").append(SubadditiveDualCheck.check(RunningExample.model(b0), twelve, 1e-9)
                .describe().replace(System.lineSeparator(), System.lineSeparator() + "  ")).append(System.lineSeparator());
        sb.append(String.format(Locale.ROOT, "  conservative field at 0: %s (its convex hull [−1, 2] is (13) at 0)%n",
                twelve.conservativeField(new double[] { 0 }).stream().map(g -> Format.number(g[0])).toList()));
        sb.append(System.lineSeparator()).append("Best k-piece fits of z on [−4, 4] ((14), max error):")
                .append(System.lineSeparator());
        sb.append(fits());
        return sb.toString();
    }

    private String grid() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "| %6s | %8s |", "d", "z"));
        List<String> names = new ArrayList<>(functions.keySet());
        names.add("(12)");
        for (String name : names) {
            sb.append(String.format(Locale.ROOT, " %10s |", shorten(name)));
        }
        sb.append(System.lineSeparator());
        for (double d : GRID) {
            sb.append(String.format(Locale.ROOT, "| %6s | %8s |", Format.number(d), Format.number(z.value(d))));
            for (String name : names) {
                DualFunction f = name.equals("(12)") ? RunningExample.twoSegment() : functions.get(name);
                sb.append(String.format(Locale.ROOT, " %10s |", Format.number(f.value(new double[] { d }))));
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }

    /** "F ≤ z on [−4, 4]" with the largest excess if not, and whether F(b₀) = z(b₀). */
    private String belowZ(DualFunction f) {
        double worst = Double.NEGATIVE_INFINITY;
        double where = 0;
        for (double d = RunningExample.LO; d <= RunningExample.HI + 1e-12; d += CHECK_STEP) {
            double excess = f.value(new double[] { d }) - z.value(d);
            if (excess > worst) {
                worst = excess;
                where = d;
            }
        }
        double tolerance = Math.max(1e-7, f.certificate().tolerance());
        String below = worst <= tolerance ? "F ≤ z on [−4, 4] (step 1/64)"
                : String.format(Locale.ROOT, "F > z by %s at %s", Format.number(worst), Format.number(where));
        double atB = f.value(new double[] { b0 });
        boolean strong = Math.abs(atB - z.value(b0)) <= tolerance;
        return below + String.format(Locale.ROOT, ", F(b₀) = %s%s", Format.number(atB), strong ? " = z(b₀)" : "");
    }

    private String fits() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "| %2s | %14s | %14s |%n", "k", "unconstrained",
                "below z"));
        PiecewiseLinearFit.Target target = PiecewiseLinearFit.Target.of(z);
        List<PiecewiseLinearFit.Fit> free = PiecewiseLinearFit.bestUpTo(target, 6, PiecewiseLinearFit.Kind.UNCONSTRAINED);
        List<PiecewiseLinearFit.Fit> below = PiecewiseLinearFit.bestUpTo(target, 6, PiecewiseLinearFit.Kind.BELOW);
        for (int k = 2; k <= 6; k++) {
            sb.append(String.format(Locale.ROOT, "| %2d | %14s | %14s |%n", k, Format.number(free.get(k - 1).error()),
                    Format.number(below.get(k - 1).error())));
        }
        return sb.toString();
    }

    /** Figure 4: z, every dual function built, (12) and the best 3-piece fit below z. */
    DualPlot.Written plot(Path file) throws IOException {
        Map<String, DualFunction> drawn = new LinkedHashMap<>();
        functions.forEach((name, f) -> drawn.put(name + ", built at " + Format.number(b0), f));
        drawn.put("(12) two-segment, local model of z at 0", RunningExample.twoSegment());
        PiecewiseLinearFit.Fit fit = PiecewiseLinearFit.best(PiecewiseLinearFit.Target.of(z), 3,
                PiecewiseLinearFit.Kind.BELOW);
        drawn.put("best 3-piece fit below z (14)", fit.asDualFunction());
        return DualPlot.write(file, "Running example (10): value function z and dual functions built at b = "
                + Format.number(b0), z, drawn, RunningExample.LO, RunningExample.HI);
    }

    private static String shorten(String name) {
        return name.length() <= 10 ? name : name.substring(0, 10);
    }
}
