package org.vtpm.tpm.client;

import java.io.IOException;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.vtpm.tpm.command.CreatePrimary;
import org.vtpm.tpm.command.CreatePrimaryResponse;
import org.vtpm.tpm.command.FlushContext;
import org.vtpm.tpm.command.GetCapability;
import org.vtpm.tpm.command.GetCapabilityResponse;
import org.vtpm.tpm.transport.TpmTransport;
import org.vtpm.tpm.transport.swtpm.SwtpmControlChannel;
import org.vtpm.tpm.transport.swtpm.SwtpmOptions;
import org.vtpm.tpm.transport.swtpm.SwtpmProcess;
import org.vtpm.tpm.types.Cap;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.HandleList;
import org.vtpm.tpm.types.Hc;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.SensitiveCreate;
import org.vtpm.tpm.wire.Tpm2b;
import org.vtpm.tpm.wire.TpmException;

/**
 * One swtpm per test class (started on free ports, stopped by PID on close) and a {@link Tpm}
 * over its data channel. The transport can be given a filter that rewrites responses, so tests
 * can prove that sessions reject altered ones.
 */
final class SwtpmFixture implements AutoCloseable {

    private final SwtpmProcess process;
    private final FilteringTransport transport;
    final Tpm tpm;

    private SwtpmFixture(SwtpmProcess process) {
        this.process = process;
        this.transport = new FilteringTransport(process.openDataChannel());
        this.tpm = new Tpm(transport);
    }

    static SwtpmFixture start() throws IOException {
        return new SwtpmFixture(SwtpmProcess.start());
    }

    static SwtpmFixture start(SwtpmOptions options) throws IOException {
        return new SwtpmFixture(SwtpmProcess.start(options));
    }

    /** The control channel: power cycles (CMD_INIT) between TPM2_Shutdown and TPM2_Startup. */
    SwtpmControlChannel control() {
        return process.controlChannel();
    }

    /** Rewrites every response until {@link #clearResponseFilter}. */
    void filterResponses(UnaryOperator<byte[]> filter) {
        transport.filter = filter;
    }

    void clearResponseFilter() {
        transport.filter = UnaryOperator.identity();
    }

    /** The last command sent, as it went on the wire. */
    byte[] lastCommand() {
        return transport.lastCommand.clone();
    }

    /** The last response received, before any filter. */
    byte[] lastResponse() {
        return transport.lastResponse.clone();
    }

    CreatePrimaryResponse createPrimary(Handle hierarchy, Public template, Session... sessions)
            throws TpmException, IOException {
        Session[] auth = sessions.length == 0 ? new Session[] {PasswordSession.empty()} : sessions;
        return tpm.execute(new CreatePrimary(hierarchy, Tpm2b.of(SensitiveCreate.EMPTY), Tpm2b.of(template),
                Data.EMPTY, PcrSelectionList.EMPTY), auth);
    }

    void flush(Handle handle) throws TpmException, IOException {
        tpm.execute(new FlushContext(handle));
    }

    /**
     * Flushes every loaded session and transient object but {@code keep}, so that a failed test
     * does not exhaust the TPM's slots for the next one.
     */
    void flushAllExcept(Handle... keep) throws TpmException, IOException {
        Set<Handle> kept = Set.of(keep);
        // The loaded-session range lists HMAC and policy sessions alike, each by its own handle.
        for (int first : new int[] {Hc.HR_HMAC_SESSION, Hc.HR_TRANSIENT}) {
            GetCapabilityResponse response = tpm.execute(new GetCapability(Cap.HANDLES, first, 64));
            for (Handle handle : ((HandleList) response.capabilityData().data()).handles()) {
                if (!kept.contains(handle)) {
                    flush(handle);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            tpm.close();
        } finally {
            process.close();
        }
    }

    private static final class FilteringTransport implements TpmTransport {
        private final TpmTransport delegate;
        private volatile UnaryOperator<byte[]> filter = UnaryOperator.identity();
        private volatile byte[] lastCommand = new byte[0];
        private volatile byte[] lastResponse = new byte[0];

        FilteringTransport(TpmTransport delegate) {
            this.delegate = delegate;
        }

        @Override
        public byte[] transmit(byte[] command) throws IOException {
            lastCommand = command.clone();
            byte[] response = delegate.transmit(command);
            lastResponse = response.clone();
            return filter.apply(response);
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }
}
