/**
 * The commands of {@code vtpm.jar} ({@link org.vtpm.tpm.cli.Subcommand} implementations): the
 * event-log reader with its output formats (text tables for people, JSON for programs), and
 * {@code socket}, which serves a TPM with swtpm's command line (option parsing, pid file, log,
 * daemon mode) on top of {@link org.vtpm.tpm.server}.
 */
package org.vtpm.tpm.cli;
