package org.vtpm.tpm.eventlog;

import java.util.Objects;

/** {@code UEFI_PLATFORM_FIRMWARE_BLOB2}: a measured firmware region with a description. */
public record PlatformFirmwareBlob2(String blobDescription, long blobBase, long blobLength) implements EventData {

    public PlatformFirmwareBlob2 {
        Objects.requireNonNull(blobDescription, "blobDescription");
    }
}
