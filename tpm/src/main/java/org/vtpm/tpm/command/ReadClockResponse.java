package org.vtpm.tpm.command;

import org.vtpm.tpm.types.TimeInfo;

/** The response of TPM2_ReadClock. */
public record ReadClockResponse(
        TimeInfo currentTime) implements TpmResponse {
}
