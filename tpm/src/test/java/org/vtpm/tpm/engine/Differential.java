package org.vtpm.tpm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.security.SecureRandom;

import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.transport.InProcessTransport;
import org.vtpm.tpm.transport.TpmTransportException;
import org.vtpm.tpm.transport.swtpm.SwtpmControlChannel;
import org.vtpm.tpm.transport.swtpm.SwtpmProcess;
import org.vtpm.tpm.transport.swtpm.SwtpmSocketTransport;

/**
 * The same command bytes to an engine and to a swtpm, side by side. Both start from a fresh power
 * cycle and TPM2_Startup(CLEAR).
 */
final class Differential implements AutoCloseable {

    /** The two answers to one command. */
    record Answers(byte[] engine, byte[] swtpm) {
        int engineCode() {
            return Bytes.responseCode(engine);
        }

        int swtpmCode() {
            return Bytes.responseCode(swtpm);
        }
    }

    private static final int TPM_RC_RETRY = 0x922;

    private final SwtpmProcess swtpm;
    private final SwtpmSocketTransport swtpmData;
    private final SwtpmControlChannel control;
    private Engine engine;
    private InProcessTransport engineTransport;

    Differential() throws IOException {
        swtpm = SwtpmProcess.start();
        swtpmData = swtpm.openDataChannel();
        control = swtpm.controlChannel();
    }

    /**
     * A new engine, and swtpm power-cycled in order (a power loss without Shutdown would count as a
     * dictionary-attack failure); both started with Startup(CLEAR).
     */
    void restart() throws IOException {
        engine = Engine.manufacture(new SecureRandom());
        engineTransport = new InProcessTransport(engine, "differential");
        control.setLocality(0);
        swtpmData.transmit(Bytes.command("8001 00000000 00000145 0000"));
        control.init(true);
        Answers startup = send(Bytes.command("8001 00000000 00000144 0000"));
        assertEquals(0, startup.engineCode());
        assertEquals(0, startup.swtpmCode());
    }

    Engine engine() {
        return engine;
    }

    /** Typed access to the engine side. */
    Tpm engineTpm() {
        return new Tpm(engineTransport);
    }

    /** Typed access to the swtpm side (not to be closed: the data channel is shared). */
    Tpm swtpmTpm() {
        return new Tpm(swtpmData);
    }

    /** _TPM_Init on both. */
    void tpmInit() throws TpmTransportException {
        engine.tpmInit();
        control.init(false);
    }

    void setLocality(int locality) throws TpmTransportException {
        engineTransport.setLocality(locality);
        control.setLocality(locality);
    }

    /**
     * Sends to both. libtpms answers TPM_RC_RETRY to the first use of a new NV index's
     * authorization (it wants to commit NV first); a TPM may do that, the caller retries, and so
     * does this.
     */
    Answers send(byte[] command) throws IOException {
        byte[] fromSwtpm = swtpmData.transmit(command);
        if (Bytes.responseCode(fromSwtpm) == TPM_RC_RETRY) {
            fromSwtpm = swtpmData.transmit(command);
        }
        return new Answers(engineTransport.transmit(command), fromSwtpm);
    }

    /** Asserts both answered the same response code, and returns the answers. */
    Answers sameCode(String hex) throws IOException {
        Answers a = send(Bytes.command(hex));
        assertEquals(String.format("0x%03x", a.swtpmCode()), String.format("0x%03x", a.engineCode()),
                "response code to " + hex);
        return a;
    }

    /** Asserts both answered byte for byte the same. */
    Answers sameBytes(String hex) throws IOException {
        Answers a = sameCode(hex);
        assertEquals(Bytes.hex(a.swtpm()), Bytes.hex(a.engine()), "response to " + hex);
        return a;
    }

    @Override
    public void close() throws IOException {
        try {
            swtpmData.close();
        } finally {
            swtpm.close();
        }
    }
}
