package org.tamebnn.console;

import org.tamebnn.bnn.Evaluation;
import org.tamebnn.data.Dataset;
import org.tamebnn.data.MissingCell;
import org.tamebnn.data.MissingValuePolicy;
import org.tamebnn.data.RawDataset;

/**
 * A saved network applied to new data prepared as its training data was: same features, class
 * labels matched by their original spelling, training medians for missing cells, the training
 * min–max scaling.
 */
record Prediction(int[] predicted, Evaluation evaluation) {

    static Prediction of(ModelFile m, RawDataset raw) {
        if (raw.featureCount() != m.featureNames().size()) {
            throw new CommandFailure(raw.source() + ": " + raw.featureCount() + " features, but the model was trained on "
                    + m.featureNames().size() + " (" + String.join(", ", m.featureNames()) + ")");
        }
        if (m.missing() == MissingValuePolicy.DROP && raw.hasMissing()) {
            MissingCell first = raw.missingCells().getFirst();
            throw new CommandFailure(raw.source() + ":" + first.line() + ": feature '" + first.featureName()
                    + "' is missing, and the model's training data dropped such rows, so there is no value to fill in");
        }
        int[] actual = new int[raw.size()];
        for (int i = 0; i < actual.length; i++) {
            String original = raw.labelMapping().label(raw.label(i)).original();
            actual[i] = m.classLabels().indexOf(original);
            if (actual[i] < 0) {
                var line = raw.sourceLine(i);
                String where = line.isPresent() ? ":" + line.getAsInt() : " row " + (i + 1);
                throw new CommandFailure(raw.source() + where + ": label '" + original
                        + "' is not a class the model knows " + m.classLabels());
            }
        }
        Dataset prepared = m.scaler().transform(m.imputer().apply(raw), m.outOfRange());
        int[] predicted = m.network().predict(prepared);
        return new Prediction(predicted, Evaluation.of(actual, predicted, m.classLabels().size()));
    }
}
