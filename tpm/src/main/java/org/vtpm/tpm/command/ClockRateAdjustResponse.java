package org.vtpm.tpm.command;

/** The response of TPM2_ClockRateAdjust. */
public record ClockRateAdjustResponse() implements TpmResponse {
}
