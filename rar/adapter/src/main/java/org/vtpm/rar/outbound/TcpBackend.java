package org.vtpm.rar.outbound;

import java.io.IOException;
import java.util.Locale;

import jakarta.resource.spi.InvalidPropertyException;

import org.vtpm.rar.api.TpmTarget;
import org.vtpm.tpm.transport.TpmTransport;
import org.vtpm.tpm.transport.mssim.MssimTransport;
import org.vtpm.tpm.transport.swtpm.SwtpmSocketTransport;

/**
 * A TPM reached over TCP: a remote host's TPM behind a proxy, or a simulator. Speaks swtpm's
 * socket protocol or the Microsoft simulator's (mssim: command port, platform port next to it).
 */
final class TcpBackend implements TpmBackend {

    enum Protocol { SWTPM, MSSIM }

    private final String host;
    private final int port;
    private final Protocol protocol;

    TcpBackend(String host, int port, String protocol) throws InvalidPropertyException {
        this.host = host;
        this.port = port;
        try {
            this.protocol = Protocol.valueOf(protocol.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidPropertyException("unknown TPM protocol '" + protocol + "'; expected swtpm or mssim");
        }
    }

    @Override
    public String description() {
        return "TPM over the " + protocol.name().toLowerCase(Locale.ROOT) + " protocol at " + host + ":" + port;
    }

    @Override
    public boolean serves(TpmTarget target) {
        return target.kind() == TpmTarget.Kind.PHYSICAL;
    }

    @Override
    public TpmTransport open(TpmTarget target) throws IOException {
        return switch (protocol) {
            case SWTPM -> new SwtpmSocketTransport(host, port);
            case MSSIM -> new MssimTransport(host, port);
        };
    }
}
