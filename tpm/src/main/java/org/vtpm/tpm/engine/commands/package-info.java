/**
 * The engine's command functions, one class per command family (the reference implementation's
 * {@code command/<Group>/} layout): each method takes the typed command record and the
 * {@link org.vtpm.tpm.engine.commands.Request}, and returns the typed response or fails with a
 * {@link org.vtpm.tpm.engine.commands.CommandError} carrying the response code with its parameter,
 * handle or session number. Authorization has already been checked when they run.
 * {@link org.vtpm.tpm.engine.commands.CommandTable} and
 * {@link org.vtpm.tpm.engine.commands.Algorithms} are the single source of what is implemented, for
 * dispatching and for GetCapability alike.
 */
package org.vtpm.tpm.engine.commands;
