package org.tamebnn.experiments.internal;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.flywaydb.core.api.logging.LogFactory;

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

    static {
        // Flyway would otherwise talk on stderr on every open; the console shows only real problems,
        // which reach the caller as exceptions
        LogFactory.setLogCreator(new QuietLogs());
    }

    private Migrations() {}

    public static void migrate(DataSource dataSource) {
        Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    private static final class QuietLogs implements LogCreator {
        @Override
        public Log createLogger(Class<?> type) {
            return new Log() {
                @Override public boolean isDebugEnabled() { return false; }
                @Override public void debug(String message) {}
                @Override public void info(String message) {}
                @Override public void warn(String message) {}
                @Override public void error(String message) {}
                @Override public void error(String message, Exception e) {}
                @Override public void notice(String message) {}
            };
        }
    }
}
