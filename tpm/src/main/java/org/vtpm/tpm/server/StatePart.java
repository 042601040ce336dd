package org.vtpm.tpm.server;

/** The parts of a TPM's state a {@link StateStore} keeps apart, as swtpm's state blobs do. */
public enum StatePart {
    /** Seeds, hierarchies, NV indices, persistent objects: what survives power loss. */
    PERMANENT,
    /** Loaded objects, sessions, PCRs: a running TPM frozen for suspend, resume or migration. */
    VOLATILE
}
