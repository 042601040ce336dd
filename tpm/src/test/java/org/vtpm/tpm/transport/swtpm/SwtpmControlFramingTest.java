package org.vtpm.tpm.transport.swtpm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.vtpm.tpm.transport.FramingException;
import org.vtpm.tpm.transport.PeerClosedException;
import org.vtpm.tpm.transport.ScriptedPeer;
import org.vtpm.tpm.transport.Timeouts;

/**
 * The control channel's framing against scripted peers: behaviour swtpm itself never shows (a blob
 * handed out in parts, lying sizes, short answers) but another implementation of the protocol might.
 */
class SwtpmControlFramingTest {

    private static final Timeouts SHORT = new Timeouts(Duration.ofMillis(500), Duration.ofMillis(500));

    private final List<Integer> offsets = new CopyOnWriteArrayList<>();

    private static SwtpmControlChannel client(ScriptedPeer peer, int maxBlobSize) {
        return new SwtpmControlChannel("127.0.0.1", peer.port(), SHORT, maxBlobSize);
    }

    /** Answers GET_STATEBLOB from {@code blob} with at most {@code chunk} bytes per answer. */
    private ScriptedPeer.Script chunked(byte[] blob, int chunk) {
        return (DataInputStream in, DataOutputStream out) -> {
            assertEquals(PtmCommand.GET_STATEBLOB.code(), in.readInt());
            in.readInt();
            assertEquals(StateBlobType.PERMANENT.code(), in.readInt());
            int offset = in.readInt();
            offsets.add(offset);
            int length = Math.min(chunk, blob.length - offset);
            out.writeInt(0);
            out.writeInt(2);
            out.writeInt(blob.length);
            out.writeInt(length);
            out.write(blob, offset, length);
            out.flush();
        };
    }

    @Test
    void aBlobHandedOutInPartsIsReassembled() throws Exception {
        byte[] blob = new byte[2500];
        for (int i = 0; i < blob.length; i++) {
            blob[i] = (byte) (i * 31);
        }
        try (ScriptedPeer peer = new ScriptedPeer(chunked(blob, 1000))) {
            StateBlob received = client(peer, 4096).getStateBlob(StateBlobType.PERMANENT, false);
            assertArrayEquals(blob, received.data());
            assertTrue(received.encrypted());
            assertEquals(List.of(0, 1000, 2000), offsets);
        }
    }

    @Test
    void aChunkLongerThanWhatRemainsIsRejected() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer((in, out) -> {
            in.readFully(new byte[16]);
            out.writeInt(0);
            out.writeInt(0);
            out.writeInt(100);
            out.writeInt(200);
            out.flush();
        })) {
            FramingException e = assertThrows(FramingException.class,
                    () -> client(peer, 4096).getStateBlob(StateBlobType.PERMANENT, false));
            assertTrue(e.getMessage().contains("chunk of 200 bytes"), e.getMessage());
        }
    }

    @Test
    void anEmptyChunkBeforeTheEndIsRejectedInsteadOfLooping() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer((in, out) -> {
            in.readFully(new byte[16]);
            out.writeInt(0);
            out.writeInt(0);
            out.writeInt(100);
            out.writeInt(0);
            out.flush();
        })) {
            assertThrows(FramingException.class, () -> client(peer, 4096).getStateBlob(StateBlobType.PERMANENT, false));
        }
    }

    @Test
    void anAnswerCutShortIsAClosedPeer() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer((in, out) -> {
            in.readFully(new byte[4]);
            out.writeInt(0);
            out.writeShort(0);
            out.close();
        })) {
            assertThrows(PeerClosedException.class, () -> client(peer, 4096).getBufferSize());
        }
    }

    @Test
    void setStateBlobSendsHeaderAndDataInOneRequest() throws Exception {
        byte[] data = {1, 2, 3, 4, 5};
        byte[][] request = new byte[1][];
        try (ScriptedPeer peer = new ScriptedPeer((in, out) -> {
            request[0] = new byte[4 + 12 + data.length];
            in.readFully(request[0]);
            out.writeInt(0);
            out.flush();
        })) {
            client(peer, 4096).setStateBlob(new StateBlob(StateBlobType.VOLATILE, true, data));
        }
        assertArrayEquals(new byte[] {0, 0, 0, 0x0D, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 5, 1, 2, 3, 4, 5}, request[0]);
    }

    @Test
    void hashDataIsSplitIntoChunksSwtpmCanRead() throws Exception {
        List<Integer> lengths = new CopyOnWriteArrayList<>();
        try (ScriptedPeer peer = new ScriptedPeer((in, out) -> {
            assertEquals(PtmCommand.HASH_DATA.code(), in.readInt());
            int length = in.readInt();
            lengths.add(length);
            in.readFully(new byte[length]);
            out.writeInt(0);
            out.flush();
        })) {
            client(peer, 0).hashData(new byte[2 * SwtpmControlChannel.HASH_CHUNK + 1]);
        }
        assertEquals(List.of(SwtpmControlChannel.HASH_CHUNK, SwtpmControlChannel.HASH_CHUNK, 1), lengths);
    }
}
