package org.tamebnn.experiments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tamebnn.experiments.internal.FlatJson;
import org.tamebnn.experiments.internal.Jdbc;
import org.tamebnn.experiments.internal.Migrations;

/**
 * Finished runs in a relational database: an embedded H2 file by default, or any JDBC database
 * (PostgreSQL when a grid is spread over machines). Opening migrates the schema (Flyway, safe when
 * several processes open one database at once). Each {@link #record} is one transaction, so a
 * killed process loses only the run it was in; a cell is recorded once per spec, whoever runs it.
 *
 * <p>One store holds one connection and is safe for use by several threads (its methods take
 * turns); open one store per thread for parallel writers.
 */
public final class ResultStore implements AutoCloseable {

    /** The SQL state of a unique-key violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int MESSAGE_LIMIT = 10_000;

    private static final String COLUMNS = "spec_name, cell_key, cell_index, dataset, train_size, test_fraction, "
            + "hidden, variant, weights, trainer, loss, solver, seed, time_limit_s, trainer_options, status, "
            + "training_loss, objective, best_bound, gap, build_s, solve_s, total_s, train_accuracy, test_accuracy, "
            + "test_precision, test_recall, test_f1, nodes, message, bundle_versions, host, cores, os, java, "
            + "started_at, finished_at, run_spec, per_class";

    private final String url;
    private final Connection connection;

    private ResultStore(String url, Connection connection) {
        this.url = url;
        this.connection = connection;
    }

    /**
     * The URL of the embedded database in {@code folder}: one file, {@code results.mv.db}. Commits
     * are written at once (WRITE_DELAY=0) rather than up to a second later, so that a killed
     * process keeps every run it recorded; {@link #open} adds that to any H2 file URL.
     */
    public static String h2Url(Path folder) {
        return "jdbc:h2:file:" + folder.toAbsolutePath().normalize().resolve("results") + ";AUTO_SERVER=FALSE;WRITE_DELAY=0";
    }

    /** Opens (creating it if needed) the embedded database in {@code folder}. */
    public static ResultStore openDefault(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (Exception e) {
            throw new StoreException("cannot create the results folder " + folder + ": " + e.getMessage(), e);
        }
        return open(h2Url(folder), null, null);
    }

    /** Opens the database at {@code url} (credentials, if any, in the URL). */
    public static ResultStore open(String url) {
        return open(url, null, null);
    }

    /** Opens the database at {@code url}, migrating its schema to this version. */
    public static ResultStore open(String url, String user, String password) {
        url = Jdbc.durable(url);
        Connection c = null;
        try {
            Jdbc dataSource = new Jdbc(url, user, password);
            Migrations.migrate(dataSource);
            c = dataSource.getConnection();
            c.setAutoCommit(false);
            return new ResultStore(url, c);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StoreException("cannot open the result store " + Jdbc.redact(url) + ": " + describe(e), e);
        } catch (RuntimeException e) {
            // Flyway's own exceptions: a failed or refused migration
            closeQuietly(c);
            throw new StoreException("cannot prepare the result store " + Jdbc.redact(url) + ": " + e.getMessage(), e);
        }
    }

    /** The database's URL without its password. */
    public String url() {
        return Jdbc.redact(url);
    }

    /**
     * Records a finished run in one transaction. A cell already recorded for the spec is kept,
     * except an {@link CellResult#ERROR} one, which the new result replaces (a re-run of a failed
     * cell). Returns false when the cell was already recorded (by another shard, say) and this run
     * was not stored.
     */
    public synchronized boolean record(RunRecord run) {
        String key = run.cell().key();
        try {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM runs WHERE spec_name = ? AND cell_key = ? AND status = ?")) {
                delete.setString(1, run.specName());
                delete.setString(2, key);
                delete.setString(3, CellResult.ERROR);
                delete.executeUpdate();
            }
            long id;
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO runs (" + COLUMNS + ") VALUES (" + "?, ".repeat(38) + "?)", new String[] {"id"})) {
                bind(insert, run, key);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            insertTrace(id, run.result().trace().thinned());
            connection.commit();
            return true;
        } catch (SQLException e) {
            rollback();
            // insert-or-ignore that works alike on H2 and PostgreSQL: two writers of one cell race,
            // the unique key lets one win, the other sees 23505 and keeps the winner's row
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) return false;
            throw new StoreException("cannot record " + run.cell().label() + " in " + url() + ": " + describe(e), e);
        }
    }

    private void insertTrace(long runId, ProgressTrace trace) throws SQLException {
        if (trace.isEmpty()) return;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO progress (run_id, seq, seconds, incumbent, bound) VALUES (?, ?, ?, ?, ?)")) {
            int seq = 0;
            for (ProgressTrace.Point p : trace.points()) {
                insert.setLong(1, runId);
                insert.setInt(2, seq++);
                insert.setDouble(3, p.seconds());
                setNullable(insert, 4, p.incumbent());
                setNullable(insert, 5, p.bound());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void setNullable(PreparedStatement s, int index, Double d) throws SQLException {
        if (d == null) s.setNull(index, Types.DOUBLE);
        else s.setDouble(index, d);
    }

    /** Cell key to the run specification (canonical JSON) of every run recorded for the spec. */
    public synchronized Map<String, String> runSpecs(String specName) {
        Map<String, String> specs = new LinkedHashMap<>();
        query("SELECT cell_key, run_spec FROM runs WHERE spec_name = ? ORDER BY cell_index, id", specName, rs -> {
            while (rs.next()) specs.put(rs.getString(1).strip(), rs.getString(2));
        });
        return specs;
    }

    /** Cell key to status of every run recorded for the spec. */
    public synchronized Map<String, String> statuses(String specName) {
        Map<String, String> statuses = new LinkedHashMap<>();
        query("SELECT cell_key, status FROM runs WHERE spec_name = ? ORDER BY cell_index, id", specName, rs -> {
            while (rs.next()) statuses.put(rs.getString(1).strip(), rs.getString(2));
        });
        return statuses;
    }

    /** The keys of the cells recorded for the spec (including failed ones). */
    public Set<String> finishedKeys(String specName) {
        return Set.copyOf(statuses(specName).keySet());
    }

    /** Every run recorded for the spec, in the order of the grid. */
    public synchronized List<RunRecord> runs(String specName) {
        Map<Long, List<ProgressTrace.Point>> traces = new java.util.HashMap<>();
        query("SELECT p.run_id, p.seconds, p.incumbent, p.bound FROM progress p JOIN runs r ON r.id = p.run_id"
                + " WHERE r.spec_name = ? ORDER BY p.run_id, p.seq", specName, rs -> {
                    while (rs.next()) {
                        traces.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                .add(new ProgressTrace.Point(rs.getDouble(2), dbl(rs, "incumbent"), dbl(rs, "bound")));
                    }
                });
        List<RunRecord> runs = new ArrayList<>();
        query("SELECT id, " + COLUMNS + " FROM runs WHERE spec_name = ? ORDER BY cell_index, id", specName, rs -> {
            while (rs.next()) runs.add(read(rs, new ProgressTrace(traces.getOrDefault(rs.getLong("id"), List.of()))));
        });
        return runs;
    }

    /** The names of the specs with recorded runs, sorted. */
    public synchronized List<String> specNames() {
        List<String> names = new ArrayList<>();
        query("SELECT DISTINCT spec_name FROM runs ORDER BY spec_name", null, rs -> {
            while (rs.next()) names.add(rs.getString(1));
        });
        return names;
    }

    @Override
    public synchronized void close() {
        closeQuietly(connection);
    }

    private interface Rows {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, String parameter, Rows rows) {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            if (parameter != null) s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rows.read(rs);
            }
            // reads take part in a transaction too; end it so the next read sees others' writes
            connection.commit();
        } catch (SQLException e) {
            rollback();
            throw new StoreException("cannot read " + url() + ": " + describe(e), e);
        }
    }

    private static void bind(PreparedStatement s, RunRecord run, String key) throws SQLException {
        Cell c = run.cell();
        CellResult r = run.result();
        int i = 0;
        s.setString(++i, run.specName());
        s.setString(++i, key);
        s.setInt(++i, c.index());
        s.setString(++i, c.dataset());
        s.setInt(++i, c.trainSize());
        s.setDouble(++i, c.testFraction());
        s.setString(++i, c.hiddenText());
        s.setString(++i, c.variant());
        s.setString(++i, c.weights());
        s.setString(++i, c.trainer());
        s.setString(++i, c.loss());
        s.setString(++i, c.solver());
        s.setLong(++i, c.seed());
        s.setDouble(++i, c.timeLimitSeconds());
        s.setString(++i, FlatJson.write(c.trainerOptions()));
        s.setString(++i, r.status());
        for (Double d : Arrays.asList(r.trainingLoss(), r.objective(), r.bound(), r.gap(), r.buildSeconds(),
                r.solveSeconds(), r.totalSeconds(), r.trainAccuracy(), r.testAccuracy(), r.precision(), r.recall(),
                r.f1())) {
            if (d == null) s.setNull(++i, Types.DOUBLE);
            else s.setDouble(++i, d);
        }
        if (r.nodes() == null) s.setNull(++i, Types.BIGINT);
        else s.setLong(++i, r.nodes());
        String message = r.message();
        if (message != null && message.length() > MESSAGE_LIMIT) message = message.substring(0, MESSAGE_LIMIT - 1) + "…";
        s.setString(++i, message);
        s.setString(++i, FlatJson.write(run.bundleVersions()));
        Machine m = run.machine();
        s.setString(++i, m.host());
        s.setInt(++i, m.cores());
        s.setString(++i, m.os());
        s.setString(++i, m.java());
        s.setObject(++i, OffsetDateTime.ofInstant(run.started(), ZoneOffset.UTC));
        s.setObject(++i, OffsetDateTime.ofInstant(run.finished(), ZoneOffset.UTC));
        s.setString(++i, run.cell().runSpec().canonicalJson());
        s.setInt(++i, c.perClass());
    }

    private static RunRecord read(ResultSet rs, ProgressTrace trace) throws SQLException {
        String spec = rs.getString("spec_name");
        String widths = rs.getString("hidden");
        // "" (null in a database that stores empty text so) is the network without a hidden layer
        List<Integer> hidden = widths == null || widths.isEmpty() ? List.of()
                : Arrays.stream(widths.split(",")).map(Integer::valueOf).toList();
        Cell cell = new Cell(rs.getInt("cell_index"), rs.getString("dataset"), rs.getInt("train_size"),
                rs.getDouble("test_fraction"), hidden, rs.getString("variant"), rs.getString("weights"),
                rs.getString("trainer"), rs.getString("loss"), rs.getString("solver"), rs.getLong("seed"),
                rs.getDouble("time_limit_s"), FlatJson.read(rs.getString("trainer_options")), rs.getInt("per_class"));
        CellResult result = new CellResult(rs.getString("status"), dbl(rs, "training_loss"), dbl(rs, "objective"),
                dbl(rs, "best_bound"), dbl(rs, "gap"), dbl(rs, "build_s"), dbl(rs, "solve_s"), dbl(rs, "total_s"),
                dbl(rs, "train_accuracy"), dbl(rs, "test_accuracy"), dbl(rs, "test_precision"),
                dbl(rs, "test_recall"), dbl(rs, "test_f1"), lng(rs, "nodes"), rs.getString("message"), trace);
        Machine machine = new Machine(rs.getString("host"), rs.getInt("cores"), rs.getString("os"), rs.getString("java"));
        return new RunRecord(spec, cell, result, instant(rs, "started_at"), instant(rs, "finished_at"),
                FlatJson.read(rs.getString("bundle_versions")), machine);
    }

    private static Double dbl(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static Long lng(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; the next use reports that
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing: nothing left to save
        }
    }

    private static String describe(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // H2 appends the statement and an error code on further lines; the first says what failed
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }
}
