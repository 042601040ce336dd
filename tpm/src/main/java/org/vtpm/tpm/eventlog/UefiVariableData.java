package org.vtpm.tpm.eventlog;

import java.util.Objects;
import java.util.UUID;

/**
 * {@code UEFI_VARIABLE_DATA}: a measured UEFI variable (EV_EFI_VARIABLE_DRIVER_CONFIG,
 * EV_EFI_VARIABLE_BOOT(2), EV_EFI_VARIABLE_AUTHORITY).
 *
 * @param variableName the vendor GUID of the variable
 * @param unicodeName the variable's name ("SecureBoot", "Boot0001")
 * @param variableData the variable's contents
 */
public record UefiVariableData(UUID variableName, String unicodeName, Bytes variableData) implements EventData {

    public UefiVariableData {
        Objects.requireNonNull(variableName, "variableName");
        Objects.requireNonNull(unicodeName, "unicodeName");
        Objects.requireNonNull(variableData, "variableData");
    }
}
