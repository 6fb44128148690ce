package org.tamebnn.experiments.internal;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;

/**
 * Flyway's log, silenced: it narrates each migration, which the console has no use for. Named in
 * {@code loggers(...)}, so Flyway creates it by class name: it must stay public with a public
 * no-argument constructor.
 */
public final class QuietFlywayLogs implements LogCreator {
    private static final Log SILENT = new Log() {
        @Override public boolean isDebugEnabled() { return false; }
        @Override public void debug(String message) {}
        @Override public void info(String message) {}
        @Override public void warn(String message) {}
        @Override public void error(String message) {}
        @Override public void error(String message, Exception e) {}
        @Override public void notice(String message) {}
    };

    public QuietFlywayLogs() {}

    @Override
    public Log createLogger(Class<?> type) {
        return SILENT;
    }
}
