package org.tamebnn.api.milp;

import java.util.Collections;
import java.util.ServiceLoader;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The solver plugins on a plain class path, without OSGi: every plugin jar lists its solvers in
 * {@code META-INF/services/org.tamebnn.api.milp.MilpSolver}, so {@link ServiceLoader} finds the
 * same solvers that Declarative Services registers inside a framework. Composite solvers (a
 * portfolio) need their members wired and are OSGi services only; build one by hand outside.
 */
public final class MilpSolvers {
    private MilpSolvers() {
    }

    /** The solvers visible to this class's loader, by name (sorted); each supplier makes a fresh instance. */
    public static SortedMap<String, Supplier<MilpSolver>> onClassPath() {
        return onClassPath(MilpSolvers.class.getClassLoader());
    }

    /** The solvers visible to {@code loader}, by name (sorted); each supplier makes a fresh instance. */
    public static SortedMap<String, Supplier<MilpSolver>> onClassPath(ClassLoader loader) {
        SortedMap<String, Supplier<MilpSolver>> found = new TreeMap<>();
        for (ServiceLoader.Provider<MilpSolver> provider : ServiceLoader.load(MilpSolver.class, loader).stream().toList()) {
            // the name is the solver's own (its SolverInfo), so one instance is made to ask it
            found.putIfAbsent(provider.get().info().name(), provider);
        }
        return Collections.unmodifiableSortedMap(found);
    }

    /**
     * A fresh instance of the solver named {@code name} on the class path.
     *
     * @throws IllegalArgumentException naming the solvers there are, when none has that name
     */
    public static MilpSolver create(String name) {
        SortedMap<String, Supplier<MilpSolver>> all = onClassPath();
        Supplier<MilpSolver> s = all.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no solver '" + name + "' on the class path; there are: "
                    + (all.isEmpty() ? "none (no plugin jar with META-INF/services/" + MilpSolver.class.getName()
                            + ")" : String.join(", ", all.keySet())));
        }
        return s.get();
    }
}
