package org.vtpm.tpm.command;

/** The response of TPM2_ClockSet. */
public record ClockSetResponse() implements TpmResponse {
}
