package org.vtpm.tpm.eventlog;

import java.util.Objects;

/**
 * Event data that is a string: EV_ACTION and EV_EFI_ACTION ("Exit Boot Services Invocation"),
 * EV_IPL (boot loader commands such as "grub_cmd: linux ..."), EV_S_CRTM_VERSION when it is a
 * UTF-16 version string, EV_POST_CODE and EV_S_CRTM_CONTENTS when they name a region
 * ("ACPI DATA"), and similar.
 */
public record EventText(String text) implements EventData {

    public EventText {
        Objects.requireNonNull(text, "text");
    }
}
