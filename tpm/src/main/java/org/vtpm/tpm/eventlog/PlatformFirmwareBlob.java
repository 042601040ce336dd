package org.vtpm.tpm.eventlog;

/**
 * {@code UEFI_PLATFORM_FIRMWARE_BLOB}: where a measured firmware volume lay in memory
 * (EV_EFI_PLATFORM_FIRMWARE_BLOB, and EV_POST_CODE or EV_S_CRTM_CONTENTS when they log a region).
 */
public record PlatformFirmwareBlob(long blobBase, long blobLength) implements EventData {
}
