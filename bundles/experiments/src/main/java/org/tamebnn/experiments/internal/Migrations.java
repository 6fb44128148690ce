package org.tamebnn.experiments.internal;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Brings a database's schema to this bundle's version with Flyway. Flyway is embedded in this
 * bundle and given this bundle's class loader: it finds its database support (H2, PostgreSQL) by
 * ServiceLoader, which does not look across bundles.
 */
public final class Migrations {
    /** Where the SQL lives, under this bundle's own path so no other bundle's migrations mix in. */
    static final String LOCATION = "classpath:db/migration/experiments";

    /** Flyway's history table; named for this bundle so the database can be shared with others. */
    static final String HISTORY_TABLE = "experiments_schema_history";

    private Migrations() {}

    public static void migrate(DataSource dataSource) {
        Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                // Java migrations are named here: Flyway scans for them only on its own class path
                .javaMigrations(new V3__RunSpecKeys())
                .table(HISTORY_TABLE)
                .failOnMissingLocations(true)
                // Flyway would otherwise report every open on stderr (through java.util.logging);
                // its failures reach the caller as exceptions
                .loggers(QuietFlywayLogs.class.getName())
                .load()
                .migrate();
    }
}
