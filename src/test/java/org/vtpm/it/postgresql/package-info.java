/**
 * The production database profile under test: a throw-away PostgreSQL cluster
 * ({@link org.vtpm.it.postgresql.PostgresqlCluster}) at the endpoint the server's environment names
 * ({@link org.vtpm.it.postgresql.DatabaseEndpoint}), and the suite that checks the server really
 * keeps its data there. Runs only in the failsafe execution {@code postgresql}.
 */
package org.vtpm.it.postgresql;
