package org.vtpm.tpm.eventlog;

/**
 * The EV_SEPARATOR value that marks the end of pre-boot measurements into a PCR. Firmware logs 0,
 * or 1 when it met an error (older firmware used all ones for that); operating systems put their
 * own values in the PCRs they own (Windows logs "WBCL").
 */
public record Separator(int value) implements EventData {

    public static final int ERROR = 0x00000001;
    public static final int LEGACY_ERROR = 0xFFFFFFFF;

    public boolean signalsError() {
        return value == ERROR || value == LEGACY_ERROR;
    }
}
