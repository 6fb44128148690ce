package org.tamebnn.training.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.training.RunSpec;
import org.tamebnn.api.training.TrainingException;
import org.tamebnn.bnn.BnnSpec;
import org.tamebnn.bnn.RunSpecs;
import org.tamebnn.data.DataException;
import org.tamebnn.data.DataPipeline;
import org.tamebnn.data.MissingValuePolicy;
import org.tamebnn.data.PreparedData;
import org.tamebnn.data.RawDataset;
import org.tamebnn.data.SplitSpec;
import org.tamebnn.data.DataSources;

/**
 * The data of a run loaded, split, imputed and scaled once, shared by every trainer and solver of a
 * comparison, with the lines that say how.
 *
 * @param raw      the rows as loaded
 * @param prepared the split, imputed and scaled rows
 * @param header   how the data was prepared, and the network, formulation, loss, start and limit
 */
record PreparedRun(RawDataset raw, PreparedData prepared, List<String> header) {

    static PreparedRun of(RunSpec spec, LossFunction loss, java.nio.file.Path directory) {
        RawDataset raw = DataSources.load(spec.data(), spec.split().seed(), directory);
        PreparedData prepared;
        try {
            RunSpec.Split s = spec.split();
            SplitSpec split = SplitSpec.of(s.seed(), s.testFraction());
            split = s.perClass() > 0 ? split.perClass(s.perClass())
                    : s.trainSize() > 0 ? split.trainSize(s.trainSize()) : split;
            prepared = DataPipeline.prepare(raw, split, MissingValuePolicy.parse(spec.data().missing()));
        } catch (DataException | IllegalArgumentException e) {
            throw new TrainingException(e.getMessage(), e);
        }
        BnnSpec network = RunSpecs.network(spec, prepared.train());
        List<String> header = new ArrayList<>(prepared.describe().strip().lines().toList());
        header.add(String.format(Locale.ROOT, "network %s; formulation %s; loss %s; start %s; time limit %.2f s",
                network.describe(), RunSpecs.formulation(spec).describe(), loss.name(), spec.formulation().start(),
                spec.timeLimitSeconds()));
        return new PreparedRun(raw, prepared, header);
    }
}
