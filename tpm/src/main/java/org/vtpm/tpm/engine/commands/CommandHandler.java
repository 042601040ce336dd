package org.vtpm.tpm.engine.commands;

import org.vtpm.tpm.command.TpmCommand;
import org.vtpm.tpm.command.TpmResponse;

/**
 * One command's function: called by the dispatcher once the header, handles and authorizations
 * have been checked, with the typed command; returns the typed response or fails with a
 * {@link CommandError}.
 */
@FunctionalInterface
public interface CommandHandler<C extends TpmCommand<?>> {

    TpmResponse execute(C command, Request request) throws CommandError;
}
