package org.tamebnn.training;

import java.util.ServiceLoader;

import org.tamebnn.api.dual.DualConstructor;
import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.training.Trainer;
import org.tamebnn.api.training.TrainingService;
import org.tamebnn.training.internal.Standalone;

/**
 * A {@link TrainingService} without OSGi: plugins added by hand, or found by {@link ServiceLoader}
 * on a class path (every tamebnn plugin jar lists its services in {@code META-INF/services}). Inside
 * an OSGi framework, get the service from the registry instead.
 */
public final class TrainingServices {
    private TrainingServices() {
    }

    /** A service whose plugins are added by hand. */
    public static Builder builder() {
        return new Builder();
    }

    /** A service with every solver, loss, dual construction and trainer {@code loader} finds. */
    public static TrainingService fromServiceLoader(ClassLoader loader) {
        return builder().serviceLoader(loader).build();
    }

    /** Collects plugins; {@link #build()} gives the service over them (later additions are seen too). */
    public static final class Builder {
        private final Standalone service = new Standalone();

        private Builder() {
        }

        public Builder solver(MilpSolver s) {
            service.addSolver(s);
            return this;
        }

        public Builder loss(LossFunction l) {
            service.addLoss(l);
            return this;
        }

        public Builder dual(DualConstructor d) {
            service.addDual(d);
            return this;
        }

        public Builder trainer(Trainer t) {
            service.addTrainer(t);
            return this;
        }

        /** Adds every solver, loss, dual construction and trainer {@code loader} finds by {@link ServiceLoader}. */
        public Builder serviceLoader(ClassLoader loader) {
            ServiceLoader.load(MilpSolver.class, loader).forEach(this::solver);
            ServiceLoader.load(LossFunction.class, loader).forEach(this::loss);
            ServiceLoader.load(DualConstructor.class, loader).forEach(this::dual);
            ServiceLoader.load(Trainer.class, loader).forEach(this::trainer);
            return this;
        }

        public TrainingService build() {
            return service;
        }
    }
}
