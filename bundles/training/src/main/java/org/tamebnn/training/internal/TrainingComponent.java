package org.tamebnn.training.internal;


import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.tamebnn.api.dual.DualConstructor;
import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.training.Trainer;
import org.tamebnn.api.training.TrainingService;

/**
 * The {@link TrainingService} of an OSGi framework: solvers, losses, dual constructions and trainers
 * are tracked as their services come and go, so a plugin bundle dropped in is used by the next call.
 */
@Component(service = TrainingService.class)
public final class TrainingComponent extends PluginService {

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeSolver")
    void addSolver(ServiceReference<MilpSolver> ref, MilpSolver solver) {
        plugins.addSolver(ref, solver,
                Boolean.parseBoolean(String.valueOf(ref.getProperty(MilpSolver.COMPOSITE_PROPERTY))));
    }

    void removeSolver(ServiceReference<MilpSolver> ref) {
        plugins.remove(ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeLoss")
    void addLoss(ServiceReference<LossFunction> ref, LossFunction loss) {
        plugins.addLoss(ref, loss);
    }

    void removeLoss(ServiceReference<LossFunction> ref) {
        plugins.remove(ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeDual")
    void addDual(ServiceReference<DualConstructor> ref, DualConstructor dual) {
        plugins.addDual(ref, dual);
    }

    void removeDual(ServiceReference<DualConstructor> ref) {
        plugins.remove(ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeTrainer")
    void addTrainer(ServiceReference<Trainer> ref, Trainer trainer) {
        plugins.addTrainer(ref, trainer);
    }

    void removeTrainer(ServiceReference<Trainer> ref) {
        plugins.remove(ref);
    }
}
