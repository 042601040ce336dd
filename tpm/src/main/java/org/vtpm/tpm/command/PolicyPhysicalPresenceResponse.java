package org.vtpm.tpm.command;

/** The response of TPM2_PolicyPhysicalPresence. */
public record PolicyPhysicalPresenceResponse() implements TpmResponse {
}
