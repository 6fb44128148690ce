package org.tamebnn.training.internal;

import java.util.List;

import org.tamebnn.api.training.Comparison;
import org.tamebnn.api.training.RunControl;
import org.tamebnn.api.training.RunSpec;
import org.tamebnn.api.training.Trainer;
import org.tamebnn.api.training.TrainingOutcome;
import org.tamebnn.api.training.TrainingService;

/** The service over a set of plugins; subclasses say how plugins arrive (OSGi services, or by hand). */
abstract class PluginService implements TrainingService {
    final Plugins plugins = new Plugins();
    private final Pipeline pipeline = new Pipeline(plugins);

    @Override
    public List<Trainer> trainers() {
        return pipeline.trainers();
    }

    @Override
    public RunSpec resolve(RunSpec spec, RunControl control) {
        return pipeline.resolve(spec, control);
    }

    @Override
    public TrainingOutcome train(RunSpec spec, RunControl control) {
        return pipeline.train(spec, control);
    }

    @Override
    public Comparison compare(RunSpec spec, List<String> trainers, List<String> solvers, RunControl control) {
        return pipeline.compare(spec, trainers, solvers, control);
    }
}
