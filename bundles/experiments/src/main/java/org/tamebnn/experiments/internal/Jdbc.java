package org.tamebnn.experiments.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * Connections by URL without {@link DriverManager}'s service lookup, which in OSGi sees only the
 * drivers on the framework's class path: the drivers this bundle knows are loaded through its own
 * class loader (H2 always; PostgreSQL when its bundle is there), any other through DriverManager.
 */
public final class Jdbc implements DataSource {
    private final String url;
    private final Properties properties;
    private final Driver driver;

    public Jdbc(String url, String user, String password) throws SQLException {
        this.url = url;
        this.properties = new Properties();
        if (user != null) properties.setProperty("user", user);
        if (password != null) properties.setProperty("password", password);
        this.driver = driverFor(url);
    }

    private static Driver driverFor(String url) throws SQLException {
        if (url.startsWith("jdbc:h2:")) return new org.h2.Driver();
        if (url.startsWith("jdbc:postgresql:")) {
            try {
                return (Driver) Class.forName("org.postgresql.Driver", true, Jdbc.class.getClassLoader())
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new SQLException("the PostgreSQL driver (bundle org.postgresql) is not installed", e);
            }
        }
        try {
            return DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new SQLException("no JDBC driver for " + redact(url)
                    + " (built in: jdbc:h2:..., jdbc:postgresql:...)", e);
        }
    }

    /**
     * The URL with H2's commits written at once: H2 otherwise writes them up to a second later, and
     * a process killed in that second loses runs it had recorded. A WRITE_DELAY the URL sets is
     * kept; other databases' URLs are returned as they are.
     */
    public static String durable(String url) {
        if (!url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:mem:")
                || url.toUpperCase(java.util.Locale.ROOT).contains(";WRITE_DELAY=")) {
            return url;
        }
        return url + ";WRITE_DELAY=0";
    }

    /** The URL without a password parameter, for messages. */
    public static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c = driver.connect(url, properties);
        if (c == null) throw new SQLException("the driver does not accept " + redact(url));
        return c;
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        Properties p = new Properties();
        p.putAll(properties);
        if (user != null) p.setProperty("user", user);
        if (password != null) p.setProperty("password", password);
        Connection c = driver.connect(url, p);
        if (c == null) throw new SQLException("the driver does not accept " + redact(url));
        return c;
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) return type.cast(this);
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
