package org.vtpm.rar.outbound;

import org.vtpm.rar.TpmResourceAdapter;
import org.vtpm.rar.api.TpmResourceException;
import org.vtpm.rar.api.TpmTarget;
import org.vtpm.rar.hosting.VtpmRegistry;
import org.vtpm.tpm.server.TpmPlatform;
import org.vtpm.tpm.transport.InProcessTransport;
import org.vtpm.tpm.transport.TpmTransport;

/**
 * vTPMs hosted by this adapter: a connection's commands go to the vTPM's platform in process,
 * taking their turn with the commands its VM sends through the socket front end.
 */
final class HostedBackend implements TpmBackend {

    private final TpmResourceAdapter adapter;

    HostedBackend(TpmResourceAdapter adapter) {
        this.adapter = adapter;
    }

    @Override
    public String description() {
        return "vTPM hosted in this server";
    }

    @Override
    public boolean serves(TpmTarget target) {
        return target.kind() == TpmTarget.Kind.VIRTUAL;
    }

    /**
     * Finds the vTPM's platform on every command, so a connection never talks to an instance that
     * has since stopped; a vTPM that is not running fails the transport, and the pool drops it.
     */
    @Override
    public TpmTransport open(TpmTarget target) {
        String vtpmId = target.name();
        return new InProcessTransport((locality, command) -> platformOf(vtpmId).execute(locality, command),
                "vtpm:" + vtpmId);
    }

    private TpmPlatform platformOf(String vtpmId) {
        VtpmRegistry registry = adapter.registry();
        if (registry == null) {
            throw new IllegalStateException("the TPM resource adapter is not started");
        }
        try {
            return registry.platform(vtpmId);
        } catch (TpmResourceException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
