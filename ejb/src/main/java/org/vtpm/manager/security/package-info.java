/**
 * The manager's own user accounts, read by the server's Elytron {@code jdbc-realm} (see
 * {@code wildfly-config/cli/configure-security.cli}), and the first-start creation of the
 * {@code admin} account.
 */
package org.vtpm.manager.security;
