package org.vtpm.rar.api;

/**
 * Where a VM (or a tool) reaches its vTPM. For swtpm, {@code controlPort} is the control channel
 * (tpm2-tss's swtpm TCTI expects it right after {@code port}); for mssim, the platform port.
 */
public record VtpmEndpoint(Protocol protocol, String host, int port, int controlPort) {

    public enum Protocol { SWTPM, MSSIM }
}
