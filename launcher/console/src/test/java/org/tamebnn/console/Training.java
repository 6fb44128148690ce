package org.tamebnn.console;

import org.tamebnn.api.training.TrainingService;
import org.tamebnn.training.TrainingServices;

/** The training service over every plugin on the test class path: real trainers, losses, duals and solvers. */
final class Training {
    static final TrainingService SERVICE = TrainingServices.fromServiceLoader(Training.class.getClassLoader());

    private Training() {
    }
}
