package org.vtpm.tpm.transport.swtpm;

/** Which part of a TPM's state a state blob holds ({@code PTM_BLOB_TYPE_*}). */
public enum StateBlobType {
    /** NV memory, seeds, hierarchies: what survives a power cycle. */
    PERMANENT(1),
    /** Loaded objects, sessions, PCRs: the TPM as it runs, for suspend/resume and migration. */
    VOLATILE(2),
    /** What TPM2_Shutdown(STATE) saved, restored by TPM2_Startup(STATE). */
    SAVESTATE(3);

    private final int code;

    StateBlobType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
