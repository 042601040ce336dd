package org.vtpm.tpm.command;

/** TPM2_ReadClock: reads the time and clock. */
public record ReadClock() implements TpmCommand<ReadClockResponse> {
}
