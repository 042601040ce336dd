package org.vtpm.rar.outbound;

import java.io.IOException;

import org.vtpm.rar.api.TpmTarget;
import org.vtpm.tpm.transport.TpmTransport;
import org.vtpm.tpm.transport.swtpm.SwtpmSocketTransport;

/** A TPM reached over the swtpm socket protocol: a remote host's TPM, or a simulator. */
final class TcpBackend implements TpmBackend {

    private final String host;
    private final int port;

    TcpBackend(String host, int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public String description() {
        return "TPM over the swtpm socket protocol at " + host + ":" + port;
    }

    @Override
    public boolean serves(TpmTarget target) {
        return target.kind() == TpmTarget.Kind.PHYSICAL;
    }

    @Override
    public TpmTransport open(TpmTarget target) throws IOException {
        return new SwtpmSocketTransport(host, port);
    }
}
