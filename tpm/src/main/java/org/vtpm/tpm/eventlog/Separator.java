package org.vtpm.tpm.eventlog;

/**
 * The EV_SEPARATOR value that marks the end of pre-boot measurements into a PCR: 0 normally,
 * 1 when firmware met an error (the PC Client profile also allows all ones for that).
 */
public record Separator(int value) implements EventData {

    public boolean signalsError() {
        return value != 0;
    }
}
