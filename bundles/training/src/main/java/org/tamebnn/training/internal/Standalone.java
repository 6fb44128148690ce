package org.tamebnn.training.internal;


import org.tamebnn.api.dual.DualConstructor;
import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.training.Trainer;

/** The training service outside OSGi, its plugins registered by hand (each under itself as key). */
public final class Standalone extends PluginService {

    public void addSolver(MilpSolver s) {
        plugins.addSolver(s, s, false);
    }

    public void addLoss(LossFunction l) {
        plugins.addLoss(l, l);
    }

    public void addDual(DualConstructor d) {
        plugins.addDual(d, d);
    }

    public void addTrainer(Trainer t) {
        plugins.addTrainer(t, t);
    }

    /** Removes a plugin added before (a bundle going away, in tests). */
    public void remove(Object plugin) {
        plugins.remove(plugin);
    }
}
