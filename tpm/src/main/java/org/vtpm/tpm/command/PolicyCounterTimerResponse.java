package org.vtpm.tpm.command;

/** The response of TPM2_PolicyCounterTimer. */
public record PolicyCounterTimerResponse() implements TpmResponse {
}
