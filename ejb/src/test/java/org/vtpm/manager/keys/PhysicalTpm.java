package org.vtpm.manager.keys;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.command.GetCapability;
import org.vtpm.tpm.command.Shutdown;
import org.vtpm.tpm.command.Startup;
import org.vtpm.tpm.types.Cap;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.HandleList;
import org.vtpm.tpm.types.Hc;
import org.vtpm.tpm.types.Su;
import org.vtpm.tpm.transport.TpmTransport;
import org.vtpm.tpm.transport.swtpm.SwtpmProcess;

/** A swtpm standing in for a host's physical TPM: started on free ports, stopped by PID on close. */
final class PhysicalTpm implements AutoCloseable {

    private final SwtpmProcess process;
    final TpmTransport transport;
    final Tpm tpm;

    private PhysicalTpm(SwtpmProcess process) {
        this.process = process;
        this.transport = process.openDataChannel();
        this.tpm = new Tpm(transport);
    }

    static PhysicalTpm start() throws IOException {
        return new PhysicalTpm(SwtpmProcess.start());
    }

    /** A host reboot: orderly TPM2_Shutdown, a power cycle on the control channel, TPM2_Startup(CLEAR). */
    void reboot() throws Exception {
        tpm.execute(new Shutdown(Su.CLEAR));
        process.controlChannel().init(false);
        tpm.execute(new Startup(Su.CLEAR));
    }

    /** Transient objects and sessions loaded now: what a careful caller leaves behind is none. */
    Set<Handle> loaded() throws Exception {
        Set<Handle> handles = new LinkedHashSet<>();
        for (int first : new int[] {Hc.HR_HMAC_SESSION, Hc.HR_POLICY_SESSION, Hc.HR_TRANSIENT}) {
            handles.addAll(((HandleList) tpm.execute(new GetCapability(Cap.HANDLES, first, 64)).capabilityData()
                    .data()).handles());
        }
        return handles;
    }

    @Override
    public void close() throws IOException {
        try {
            tpm.close();
        } finally {
            process.close();
        }
    }
}
