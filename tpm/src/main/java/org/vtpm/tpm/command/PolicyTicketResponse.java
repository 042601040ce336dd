package org.vtpm.tpm.command;

/** The response of TPM2_PolicyTicket. */
public record PolicyTicketResponse() implements TpmResponse {
}
