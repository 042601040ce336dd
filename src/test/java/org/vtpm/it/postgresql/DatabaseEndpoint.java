package org.vtpm.it.postgresql;

import java.net.URI;

/**
 * The database the server under test is configured for, read from the same environment
 * variables the server's datasource resolves ({@code VTPM_DB_URL}, {@code VTPM_DB_USER},
 * {@code VTPM_DB_PASSWORD}), so the cluster the tests start is the one the server connects to.
 */
public record DatabaseEndpoint(String host, int port, String database, String user, String password) {

    private static final String JDBC_PREFIX = "jdbc:";

    public static DatabaseEndpoint fromEnvironment() {
        String url = required("VTPM_DB_URL");
        if (!url.startsWith(JDBC_PREFIX + "postgresql://")) {
            throw new IllegalStateException("VTPM_DB_URL is not a PostgreSQL JDBC URL: " + url);
        }
        URI uri = URI.create(url.substring(JDBC_PREFIX.length()));
        if (uri.getHost() == null || uri.getPort() < 0 || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalStateException("VTPM_DB_URL must name host, port and database: " + url);
        }
        return new DatabaseEndpoint(uri.getHost(), uri.getPort(), uri.getPath().substring(1),
                required("VTPM_DB_USER"), required("VTPM_DB_PASSWORD"));
    }

    private static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the environment variable " + variable + " is not set");
        }
        return value;
    }

    @Override
    public String toString() {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
    }
}
