package org.vtpm.tpm.transport.swtpm;

/** How a launched swtpm listens for its data and control channels. */
public enum SwtpmSocketType {
    /** Loopback TCP ports: what QEMU and {@code TPM2TOOLS_TCTI=swtpm:port=...} expect. */
    TCP,
    /**
     * Unix domain sockets in the process's private directory: unlike loopback ports, unreachable for
     * other local users, and free of port races.
     */
    UNIX
}
