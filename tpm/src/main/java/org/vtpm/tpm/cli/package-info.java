/**
 * The commands of {@code vtpm.jar} ({@link org.vtpm.tpm.cli.Subcommand} implementations) and their
 * output formats: text tables for people, JSON (Jakarta JSON Processing) for programs.
 */
package org.vtpm.tpm.cli;
