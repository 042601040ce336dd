package org.vtpm.tpm.transport.swtpm;

/**
 * The runtime configuration {@code CMD_GET_CONFIG} reports.
 *
 * @param fileKey      state files on disk are encrypted with a key ({@code --key})
 * @param migrationKey state blobs leave swtpm encrypted with a key ({@code --migration-key})
 */
public record PtmConfig(boolean fileKey, boolean migrationKey) {

    static final int FLAG_FILE_KEY = 0x1;
    static final int FLAG_MIGRATION_KEY = 0x2;

    static PtmConfig fromFlags(int flags) {
        return new PtmConfig((flags & FLAG_FILE_KEY) != 0, (flags & FLAG_MIGRATION_KEY) != 0);
    }
}
