package org.vtpm.tpm.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.vtpm.tpm.transport.mssim.MssimTransport;
import org.vtpm.tpm.transport.swtpm.StateBlobType;
import org.vtpm.tpm.transport.swtpm.SwtpmControlChannel;
import org.vtpm.tpm.transport.swtpm.SwtpmSocketTransport;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/**
 * Whatever bytes a peer answers with, a transport returns a well-framed answer or throws one of its
 * typed {@link TpmTransportException}s: never an unchecked exception, never a huge allocation.
 */
class MalformedPeerPropertiesTest {

    private static final Timeouts SHORT = new Timeouts(Duration.ofMillis(500), Duration.ofMillis(500));

    /** A peer that reads {@code requestSize} bytes, answers {@code answer} and hangs up. */
    private static ScriptedPeer answering(int requestSize, byte[] answer) throws Exception {
        return new ScriptedPeer((in, out) -> {
            in.readFully(new byte[requestSize]);
            out.write(answer);
            out.flush();
            out.close();
        });
    }

    @Property(tries = 150)
    void swtpmDataChannel(@ForAll @Size(max = 48) byte[] answer) throws Exception {
        try (ScriptedPeer peer = answering(12, answer);
                SwtpmSocketTransport tpm = new SwtpmSocketTransport("127.0.0.1", peer.port(), SHORT, 64)) {
            byte[] response = tpm.transmit(HandBuiltCommands.getRandom8());
            assertEquals(TpmFrames.headerSize(response), response.length);
        } catch (TpmTransportException expected) {
            // A typed refusal is a correct outcome for malformed input.
        }
    }

    @Property(tries = 150)
    void swtpmControlChannelStateBlob(@ForAll @Size(max = 48) byte[] answer) throws Exception {
        try (ScriptedPeer peer = answering(16, answer)) {
            new SwtpmControlChannel("127.0.0.1", peer.port(), SHORT, 64).getStateBlob(StateBlobType.PERMANENT, false);
        } catch (TpmTransportException expected) {
            // A typed refusal is a correct outcome for malformed input.
        }
    }

    @Property(tries = 150)
    void mssimCommandPort(@ForAll @Size(max = 48) byte[] answer) throws Exception {
        try (ScriptedPeer peer = answering(9 + 12, answer)) {
            MssimTransport tpm = new MssimTransport("127.0.0.1", peer.port(), 1, SHORT, 64);
            try {
                byte[] response = tpm.transmit(HandBuiltCommands.getRandom8());
                assertEquals(TpmFrames.headerSize(response), response.length);
            } finally {
                tpm.close();
            }
        } catch (TpmTransportException expected) {
            // A typed refusal is a correct outcome for malformed input.
        }
    }
}
