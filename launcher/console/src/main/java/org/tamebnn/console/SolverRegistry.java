package org.tamebnn.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.tamebnn.api.dual.DualConstructor;
import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.milp.MilpSolver;

/**
 * The solvers and losses in the service registry, as the commands see them when they run: plugins
 * come and go with their bundles. A component of this bundle only (its package is private).
 */
@Component(service = SolverRegistry.class)
public class SolverRegistry {
    private final Map<Object, RegisteredSolver> solvers = new ConcurrentHashMap<>();
    private final Map<Object, LossFunction> losses = new ConcurrentHashMap<>();
    private final Map<Object, DualConstructor> duals = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeSolver")
    void addSolver(ServiceReference<MilpSolver> ref, MilpSolver solver) {
        String bundle = ref.getBundle() == null ? "?"
                : ref.getBundle().getSymbolicName() + " " + ref.getBundle().getVersion();
        boolean composite = Boolean.parseBoolean(String.valueOf(ref.getProperty(MilpSolver.COMPOSITE_PROPERTY)));
        solvers.put(ref, new RegisteredSolver(solver.info().name(), solver, bundle, composite));
    }

    void removeSolver(ServiceReference<MilpSolver> ref) {
        solvers.remove(ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeLoss")
    void addLoss(ServiceReference<LossFunction> ref, LossFunction loss) {
        losses.put(ref, loss);
    }

    void removeLoss(ServiceReference<LossFunction> ref) {
        losses.remove(ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeDual")
    void addDual(ServiceReference<DualConstructor> ref, DualConstructor dual) {
        duals.put(ref, dual);
    }

    void removeDual(ServiceReference<DualConstructor> ref) {
        duals.remove(ref);
    }

    /*
     * Outside OSGi (tests, embedding) plugins are registered by hand, under names of their own:
     * Declarative Services picks bind methods by name, and may take any same-named overload whose
     * parameters the service fits — an addLoss(Object, LossFunction) once bound every loss under
     * the service object itself, so that the unbind never found it and a stopped loss stayed.
     */

    /** Registers a solver under a key of the caller's. */
    void registerSolver(Object key, MilpSolver solver, String bundle) {
        solvers.put(key, new RegisteredSolver(solver.info().name(), solver, bundle, false));
    }

    /** Registers a loss under a key of the caller's. */
    void registerLoss(Object key, LossFunction loss) {
        losses.put(key, loss);
    }

    /** Registers a dual-function construction under a key of the caller's. */
    void registerDual(Object key, DualConstructor dual) {
        duals.put(key, dual);
    }

    /** The installed dual-function constructions, by name. */
    List<DualConstructor> duals() {
        List<DualConstructor> list = new ArrayList<>(duals.values());
        list.sort(Comparator.comparing(DualConstructor::name));
        return list;
    }

    DualConstructor requireDual(String name) {
        return duals().stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new CommandFailure("no dual-function method named '" + name + "'; installed: "
                        + String.join(", ", duals().stream().map(DualConstructor::name).toList())));
    }

    /** The installed solvers, by name. */
    List<RegisteredSolver> solvers() {
        List<RegisteredSolver> list = new ArrayList<>(solvers.values());
        list.sort(Comparator.comparing(RegisteredSolver::name));
        return list;
    }

    Optional<RegisteredSolver> solver(String name) {
        return solvers().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The solver called {@code name}, or a failure listing what is installed. */
    RegisteredSolver requireSolver(String name) {
        return solver(name).orElseThrow(() -> new CommandFailure("no solver named '" + name + "'; installed: "
                + String.join(", ", solvers().stream().map(RegisteredSolver::name).toList())));
    }

    /** The installed losses' names. */
    java.util.Set<String> lossNames() {
        return losses.values().stream().map(LossFunction::name).collect(java.util.stream.Collectors.toSet());
    }
}
