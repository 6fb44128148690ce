package org.tamebnn.api.training;

import java.nio.file.Path;
import java.util.Objects;

import org.tamebnn.api.milp.CancellationToken;

/**
 * How a caller watches and stops a run: its listener, its cancellation token, and the folder that a
 * relative data file in the spec is read from.
 *
 * @param listener  progress events
 * @param cancel    cancel to stop the running solve and start nothing new
 * @param directory where relative CSV paths resolve (the console's working folder, an experiment spec's folder)
 */
public record RunControl(TrainingListener listener, CancellationToken cancel, Path directory) {

    public RunControl {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(cancel, "cancel");
        Objects.requireNonNull(directory, "directory");
    }

    /** No listener, never cancelled, paths relative to the process's working folder. */
    public static RunControl none() {
        return new RunControl(TrainingListener.NONE, CancellationToken.none(), Path.of(""));
    }

    public RunControl withListener(TrainingListener l) {
        return new RunControl(l, cancel, directory);
    }

    public RunControl withCancel(CancellationToken c) {
        return new RunControl(listener, c, directory);
    }

    public RunControl withDirectory(Path d) {
        return new RunControl(listener, cancel, d);
    }
}
