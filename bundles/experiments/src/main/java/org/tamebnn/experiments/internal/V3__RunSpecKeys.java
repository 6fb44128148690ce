package org.tamebnn.experiments.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.tamebnn.api.training.RunSpec;
import org.tamebnn.experiments.Cell;

/**
 * Rows recorded before run specifications get one: each row's cell is rebuilt from its parameter
 * columns, its key becomes the hash of the cell's {@link RunSpec} (what {@link Cell#key()} is now,
 * so the grid resumes instead of running again), its spec is stored, and the gradient baselines'
 * old status {@code DONE} becomes {@code FEASIBLE}, the word every trainer shares now. The rows'
 * metrics are not touched.
 */
public final class V3__RunSpecKeys extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement select = c.createStatement();
                ResultSet rs = select.executeQuery("SELECT id, cell_index, dataset, train_size, test_fraction, hidden,"
                        + " variant, weights, trainer, loss, solver, seed, time_limit_s, trainer_options, status"
                        + " FROM runs WHERE run_spec IS NULL");
                PreparedStatement update = c.prepareStatement(
                        "UPDATE runs SET cell_key = ?, run_spec = ?, status = ? WHERE id = ?")) {
            while (rs.next()) {
                List<Integer> hidden = rs.getString("hidden").isBlank() ? List.of()
                        : Arrays.stream(rs.getString("hidden").split(",")).map(Integer::valueOf).toList();
                Cell cell = new Cell(rs.getInt("cell_index"), rs.getString("dataset"), rs.getInt("train_size"),
                        rs.getDouble("test_fraction"), hidden, rs.getString("variant"), rs.getString("weights"),
                        rs.getString("trainer"), rs.getString("loss"), rs.getString("solver"), rs.getLong("seed"),
                        rs.getDouble("time_limit_s"), FlatJson.read(rs.getString("trainer_options")));
                RunSpec spec = cell.runSpec();
                String status = rs.getString("status");
                update.setString(1, spec.hash());
                update.setString(2, spec.canonicalJson());
                update.setString(3, status.equals("DONE") ? "FEASIBLE" : status);
                update.setLong(4, rs.getLong("id"));
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
