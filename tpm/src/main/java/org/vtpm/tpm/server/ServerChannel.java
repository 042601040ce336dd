package org.vtpm.tpm.server;

/** The listening sockets a {@link TpmSocketServer} may serve, one protocol each. */
public enum ServerChannel {
    /** swtpm's data channel ({@code --server}): bare TPM commands. */
    SWTPM_DATA,
    /** swtpm's control channel ({@code --ctrl}): power, locality, state blobs. */
    SWTPM_CONTROL,
    /** The Microsoft simulator's command port: framed TPM commands with a locality. */
    MSSIM_COMMAND,
    /** The Microsoft simulator's platform port: power and NV signals. */
    MSSIM_PLATFORM
}
