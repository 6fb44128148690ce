package org.tamebnn.api.mps;

import java.io.IOException;

import org.tamebnn.api.milp.ColumnMatrix;
import org.tamebnn.api.milp.MilpModel;

/** Writes the COLUMNS section: the model's rows transposed, integer columns between markers. */
final class MpsColumnsWriter {
    private MpsColumnsWriter() {
    }

    static void write(MilpModel model, String objective, MpsLineBuilder line) throws IOException {
        int n = model.variableCount();
        ColumnMatrix columns = model.columnMatrix();
        int[] start = columns.start();
        int[] rowOf = columns.row();
        double[] value = columns.value();

        line.raw("COLUMNS");
        boolean inIntegers = false;
        for (int j = 0; j < n; j++) {
            boolean integer = model.variable(j).isInteger();
            if (integer != inIntegers) {
                line.start().text(2, "MARKER").text(3, "'MARKER'").text(5, integer ? "'INTORG'" : "'INTEND'").end();
                inIntegers = integer;
            }
            MpsWriter.PairedLines pairs = new MpsWriter.PairedLines(line, null, model.variable(j).name());
            double c = model.objectiveCoefficient(j);
            if (c != 0 || start[j] == start[j + 1]) {
                pairs.add(objective, c); // a column without entries is declared by a 0 objective entry
            }
            for (int p = start[j]; p < start[j + 1]; p++) {
                pairs.add(model.row(rowOf[p]).name(), value[p]);
            }
            pairs.finish();
        }
        if (inIntegers) {
            line.start().text(2, "MARKER").text(3, "'MARKER'").text(5, "'INTEND'").end();
        }
    }
}
