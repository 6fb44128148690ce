package org.tamebnn.api.training;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.tamebnn.api.milp.CancellationToken;

/**
 * How a caller watches and stops a run: its listener, its cancellation token, and the folder that a
 * relative data file in the spec is read from.
 *
 * @param listener  progress events
 * @param cancel    cancel to stop the running solve and start nothing new
 * @param directory where relative CSV paths resolve (the console's working folder, an experiment spec's folder)
 * @param start     the network the spec's {@code formulation.start} file holds, loaded by the caller
 *                  (the console reads saved models); empty otherwise (since 1.1)
 */
public record RunControl(TrainingListener listener, CancellationToken cancel, Path directory, Optional<Network> start) {

    public RunControl {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(cancel, "cancel");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(start, "start");
    }

    /** Control without a start network. */
    public RunControl(TrainingListener listener, CancellationToken cancel, Path directory) {
        this(listener, cancel, directory, Optional.empty());
    }

    /** No listener, never cancelled, paths relative to the process's working folder. */
    public static RunControl none() {
        return new RunControl(TrainingListener.NONE, CancellationToken.none(), Path.of(""));
    }

    public RunControl withListener(TrainingListener l) {
        return new RunControl(l, cancel, directory, start);
    }

    public RunControl withCancel(CancellationToken c) {
        return new RunControl(listener, c, directory, start);
    }

    public RunControl withDirectory(Path d) {
        return new RunControl(listener, cancel, d, start);
    }

    /** With the network a saved model file holds, for a spec whose start names that file. */
    public RunControl withStart(Network network) {
        return new RunControl(listener, cancel, directory, Optional.of(network));
    }
}
