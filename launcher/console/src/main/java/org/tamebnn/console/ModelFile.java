package org.tamebnn.console;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.tamebnn.api.training.RunSpec;
import org.tamebnn.api.training.TrainingException;
import org.tamebnn.bnn.BnnSpec;
import org.tamebnn.bnn.TrainedBnn;
import org.tamebnn.data.MedianImputer;
import org.tamebnn.data.MinMaxScaler;
import org.tamebnn.data.MissingValuePolicy;
import org.tamebnn.data.OutOfRange;
import org.tamebnn.data.PreparedData;

/**
 * A trained network as {@code bnn:train --save} writes it (JSON): the network, everything needed to
 * treat new data as the training data was treated — feature names, class labels in class-index
 * order, the training medians and the min–max scaling — and, from format 2 on, the run
 * specification it was trained by (its provenance, and the label and dropped columns new data
 * files are read with).
 *
 * @param runSpec the {@link RunSpec} as its tree ({@link RunSpec#toTree()}); null in format 1 files
 */
record ModelFile(int format, String dataset, List<String> featureNames, List<String> classLabels, BnnSpec spec,
        double[][][] weights, double[][] thresholds, double firingThreshold, double[] medians, double[] mins,
        double[] maxs, MissingValuePolicy missing, OutOfRange outOfRange, String trainedWith,
        Map<String, Object> runSpec) {
    static final int FORMAT = 2;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static ModelFile of(TrainedBnn net, PreparedData data, RunSpec run, String trainedWith) {
        List<String> labels = data.train().labelMapping().classes().stream().map(c -> c.original()).toList();
        return new ModelFile(FORMAT, run.data().source(), data.train().featureNames(), labels, net.spec(),
                net.weights(), net.thresholds(), net.firingThreshold(), data.imputer().medians(), data.scaler().mins(),
                data.scaler().maxs(), data.policy(), data.outOfRange(), trainedWith, run.toTree());
    }

    /** The run specification it was trained by; empty for a format 1 file, which has none. */
    Optional<RunSpec> run() {
        try {
            return Optional.ofNullable(runSpec).map(tree -> RunSpec.fromTree(tree, "the model's runSpec"));
        } catch (TrainingException e) {
            throw new CommandFailure(e.getMessage());
        }
    }

    TrainedBnn network() {
        return TrainedBnn.of(spec, weights, thresholds).withFiringThreshold(firingThreshold);
    }

    MedianImputer imputer() {
        return new MedianImputer(medians);
    }

    MinMaxScaler scaler() {
        return new MinMaxScaler(mins, maxs);
    }

    void write(Path file) {
        try {
            JSON.writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new CommandFailure("cannot write " + file + ": " + e.getMessage());
        }
    }

    static ModelFile read(Path file) {
        ModelFile m;
        try {
            m = JSON.readValue(file.toFile(), ModelFile.class);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
                    .orElse("");
            throw new CommandFailure(file.getFileName() + ": not a tamebnn model file (" + why + ")");
        }
        if (m.format() < 1 || m.format() > FORMAT) {
            throw new CommandFailure(file.getFileName() + ": model file format " + m.format() + ", this version reads 1 to "
                    + FORMAT);
        }
        return m;
    }
}
