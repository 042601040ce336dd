package org.vtpm.tpm.command;

/** The response of TPM2_SequenceUpdate. */
public record SequenceUpdateResponse() implements TpmResponse {
}
