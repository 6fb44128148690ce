package org.tamebnn.training.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.tamebnn.api.dual.DualConstructor;
import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.training.Trainer;
import org.tamebnn.api.training.TrainingContext;
import org.tamebnn.api.training.TrainingException;

/**
 * The solvers, losses, dual constructions and trainers installed now, each under the key it was
 * registered with (an OSGi service reference, or a caller's key outside OSGi), so that a plugin
 * leaves when its service goes. Reads are snapshots: a run keeps the plugins it started with.
 */
final class Plugins implements TrainingContext {
    /** A solver and whether it races others (a portfolio), which a comparison leaves out unless named. */
    record Solver(String name, MilpSolver solver, boolean composite) {
    }

    private final Map<Object, Solver> solvers = new ConcurrentHashMap<>();
    private final Map<Object, LossFunction> losses = new ConcurrentHashMap<>();
    private final Map<Object, DualConstructor> duals = new ConcurrentHashMap<>();
    private final Map<Object, Trainer> trainers = new ConcurrentHashMap<>();

    void addSolver(Object key, MilpSolver s, boolean composite) {
        solvers.put(key, new Solver(s.info().name(), s, composite));
    }

    void addLoss(Object key, LossFunction l) {
        losses.put(key, l);
    }

    void addDual(Object key, DualConstructor d) {
        duals.put(key, d);
    }

    void addTrainer(Object key, Trainer t) {
        trainers.put(key, t);
    }

    void remove(Object key) {
        solvers.remove(key);
        losses.remove(key);
        duals.remove(key);
        trainers.remove(key);
    }

    List<Solver> solvers() {
        List<Solver> list = new ArrayList<>(solvers.values());
        list.sort(Comparator.comparing(Solver::name));
        return list;
    }

    Optional<Solver> solver(String name) {
        return solvers().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    Solver requireRegistered(String name) {
        return solver(name).orElseThrow(() -> new TrainingException("no solver named '" + name + "'; installed: "
                + String.join(", ", solverNames())));
    }

    /** Solvers that take integer variables, portfolios left out: what a comparison runs by default. */
    List<Solver> milpSolvers() {
        return solvers().stream().filter(s -> !s.composite())
                .filter(s -> s.solver().info().supports(Capability.INTEGER_VARIABLES)).toList();
    }

    List<Trainer> trainers() {
        List<Trainer> list = new ArrayList<>(trainers.values());
        list.sort(Comparator.comparing(Trainer::name));
        return list;
    }

    Trainer requireTrainer(String name) {
        return trainers().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new TrainingException("no trainer named '" + name + "'" + Suggestions.of(name,
                        trainers().stream().map(Trainer::name).toList()) + "; trainers: " + (trainers().isEmpty()
                                ? "none installed" : String.join(", ", trainers().stream().map(Trainer::name).toList()))));
    }

    LossFunction requireLoss(String name) {
        List<LossFunction> installed = new ArrayList<>(losses.values());
        return installed.stream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> new TrainingException("no loss named '" + name + "'; installed: " + String.join(", ",
                        installed.stream().map(LossFunction::name).sorted().toList())));
    }

    @Override
    public MilpSolver requireSolver(String name) {
        return requireRegistered(name).solver();
    }

    @Override
    public DualConstructor requireDual(String name) {
        List<DualConstructor> installed = new ArrayList<>(duals.values());
        installed.sort(Comparator.comparing(DualConstructor::name));
        return installed.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new TrainingException("no dual-function method named '" + name + "'; installed: "
                        + String.join(", ", installed.stream().map(DualConstructor::name).toList())));
    }

    @Override
    public List<String> solverNames() {
        return solvers().stream().map(Solver::name).toList();
    }
}
