/**
 * TPM 2.0 commands (Part 3): one record per command and one per response, named after the
 * command without TPM2_ and underscores, acronyms written as words ({@code PcrRead} is
 * TPM2_PCR_Read, {@code PolicyOr} TPM2_PolicyOR, {@code Hmac} TPM2_HMAC), with the handles
 * (annotated {@link org.vtpm.tpm.command.HandleArea}, with their authorization role) then the
 * parameters in the specification's order.
 *
 * <p>{@link org.vtpm.tpm.command.Commands} is the command table; {@link
 * org.vtpm.tpm.command.CommandFraming} and {@link org.vtpm.tpm.command.ResponseFraming} build and
 * take apart whole command and response buffers for both sides: a client encodes commands and
 * decodes responses, the engine decodes commands (with the TPM's response codes, numbered by
 * handle, session or parameter) and encodes responses. Parameter areas stay bytes until the
 * sessions are done with them (cpHash/rpHash, {@link org.vtpm.tpm.command.FirstParameter
 * parameter encryption}); only then are they unmarshalled.
 */
package org.vtpm.tpm.command;
