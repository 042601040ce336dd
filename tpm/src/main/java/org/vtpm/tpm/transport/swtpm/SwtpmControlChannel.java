package org.vtpm.tpm.transport.swtpm;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;

import org.vtpm.tpm.transport.FramingException;
import org.vtpm.tpm.transport.SocketLink;
import org.vtpm.tpm.transport.Timeouts;
import org.vtpm.tpm.transport.TpmTransportException;

/**
 * The control channel of swtpm's socket protocol: power, locality, establishment bit, H-CRTM/DRTM
 * hashing, state blobs and buffer size, each as a typed method.
 *
 * <p>Every command runs on its own connection (TCP or Unix socket). swtpm answers a failed command
 * with only the 4-byte {@code ptm_res}, whatever the size of the successful answer; a fresh
 * connection per command means such a short answer can never leave the stream misaligned for the
 * next command. swtpm serves one control connection at a time, so callers issue control commands
 * one after another, not concurrently.
 *
 * <p>Requests are {@code cmd (4) | body}; answers are the {@code resp} part of the structures in
 * swtpm's {@code tpm_ioctl.h}, all big-endian. {@code CMD_SET_DATAFD} is not offered: it passes a
 * file descriptor over a Unix socket, which Java cannot do.
 */
public final class SwtpmControlChannel {

    /**
     * A generous bound on a state blob: a fresh TPM's permanent state is about 1.3 KiB, its volatile
     * state about 9 KiB, and NV indices add at most libtpms' NV memory (tens of KiB).
     */
    public static final int DEFAULT_MAX_BLOB_SIZE = 4 * 1024 * 1024;

    /** swtpm reads hash data in chunks of this size ({@code ptm_hdata}'s buffer). */
    static final int HASH_CHUNK = 4096;

    private static final int MAX_INFO_SIZE = 64 * 1024;
    private static final int STATE_FLAG_DECRYPTED = 1;
    private static final int STATE_FLAG_ENCRYPTED = 2;
    private static final int INIT_FLAG_DELETE_VOLATILE = 1;

    private final SocketAddress address;
    private final Timeouts timeouts;
    private final int maxBlobSize;

    /**
     * @param address     where swtpm's {@code --ctrl} listens: an {@link java.net.InetSocketAddress}
     *                    ({@code type=tcp}) or a {@link java.net.UnixDomainSocketAddress}
     *                    ({@code type=unixio})
     * @param maxBlobSize the largest state blob accepted
     */
    public SwtpmControlChannel(SocketAddress address, Timeouts timeouts, int maxBlobSize) {
        this.address = Objects.requireNonNull(address, "address");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.maxBlobSize = maxBlobSize;
    }

    public SwtpmControlChannel(String host, int port, Timeouts timeouts, int maxBlobSize) {
        this(InetSocketAddress.createUnresolved(host, port), timeouts, maxBlobSize);
    }

    public SwtpmControlChannel(String host, int port) {
        this(host, port, Timeouts.DEFAULT, DEFAULT_MAX_BLOB_SIZE);
    }

    public String endpoint() {
        return SocketLink.describe(address);
    }

    /** {@code CMD_GET_CAPABILITY}: the control commands this swtpm supports. */
    public Set<PtmCapability> getCapability() throws TpmTransportException {
        try (SocketLink link = send(PtmCommand.GET_CAPABILITY, new byte[0])) {
            // The only answer without a leading ptm_res: just the 64-bit mask.
            return PtmCapability.fromMask(ByteBuffer.wrap(link.readFully(8)).getLong());
        }
    }

    /**
     * {@code CMD_INIT}: (re)starts the TPM, reading its state from the state store. Like a power
     * cycle, it leaves the TPM waiting for TPM2_Startup (swtpm's {@code startup-clear} flag acts at
     * launch only), unless a volatile state was restored, which resumes the TPM where it was.
     *
     * @param deleteVolatile delete the volatile state file once read, so a crash cannot resume from
     *                       it twice
     */
    public void init(boolean deleteVolatile) throws TpmTransportException {
        simple(PtmCommand.INIT, u32(deleteVolatile ? INIT_FLAG_DELETE_VOLATILE : 0));
    }

    /** {@code CMD_SHUTDOWN}: stops the TPM and ends the swtpm process. */
    public void shutdown() throws TpmTransportException {
        simple(PtmCommand.SHUTDOWN, new byte[0]);
    }

    /** {@code CMD_STOP}: stops the TPM but keeps swtpm running, e.g. to set state blobs. */
    public void stop() throws TpmTransportException {
        simple(PtmCommand.STOP, new byte[0]);
    }

    /** {@code CMD_GET_TPMESTABLISHED}: whether an H-CRTM or DRTM sequence has run since the last reset. */
    public boolean getTpmEstablished() throws TpmTransportException {
        try (SocketLink link = send(PtmCommand.GET_TPMESTABLISHED, new byte[0])) {
            // resp is { ptm_res; unsigned char bit; } padded to 8 bytes.
            byte[] rest = link.readFully(4);
            return rest[0] != 0;
        }
    }

    /** {@code CMD_RESET_TPMESTABLISHED}: clears the establishment bit; the TPM requires locality 3 or 4. */
    public void resetTpmEstablished(int locality) throws TpmTransportException {
        simple(PtmCommand.RESET_TPMESTABLISHED, new byte[] {localityByte(locality)});
    }

    /** {@code CMD_SET_LOCALITY}: the locality of the following data channel commands. */
    public void setLocality(int locality) throws TpmTransportException {
        simple(PtmCommand.SET_LOCALITY, new byte[] {localityByte(locality)});
    }

    /** {@code CMD_HASH_START}: begins an H-CRTM (before startup) or DRTM (after) measurement. */
    public void hashStart() throws TpmTransportException {
        simple(PtmCommand.HASH_START, new byte[0]);
    }

    /** {@code CMD_HASH_DATA}: adds data to the measurement, in as many commands as it needs. */
    public void hashData(byte[] data) throws TpmTransportException {
        for (int offset = 0; offset < data.length; offset += HASH_CHUNK) {
            int length = Math.min(HASH_CHUNK, data.length - offset);
            ByteBuffer body = ByteBuffer.allocate(4 + length).putInt(length).put(data, offset, length);
            simple(PtmCommand.HASH_DATA, body.array());
        }
    }

    /** {@code CMD_HASH_END}: extends the measurement into the PCRs. */
    public void hashEnd() throws TpmTransportException {
        simple(PtmCommand.HASH_END, new byte[0]);
    }

    /** {@code CMD_CANCEL_TPM_CMD}: asks the TPM to cancel the command it is executing. */
    public void cancelTpmCommand() throws TpmTransportException {
        simple(PtmCommand.CANCEL_TPM_CMD, new byte[0]);
    }

    /** {@code CMD_STORE_VOLATILE}: writes the volatile state to the state store. */
    public void storeVolatile() throws TpmTransportException {
        simple(PtmCommand.STORE_VOLATILE, new byte[0]);
    }

    /** {@code CMD_GET_CONFIG}: which keys protect the state. */
    public PtmConfig getConfig() throws TpmTransportException {
        try (SocketLink link = send(PtmCommand.GET_CONFIG, new byte[0])) {
            return PtmConfig.fromFlags(ByteBuffer.wrap(link.readFully(4)).getInt());
        }
    }

    /** {@code CMD_SET_BUFFERSIZE} with 0: the buffer size in use, allowed while the TPM runs. */
    public BufferSize getBufferSize() throws TpmTransportException {
        return bufferSize(0);
    }

    /**
     * {@code CMD_SET_BUFFERSIZE}: sets the TPM's I/O buffer size; the TPM must be stopped. The size
     * actually used is clamped into the supported range and returned.
     */
    public BufferSize setBufferSize(int size) throws TpmTransportException {
        if (size <= 0) {
            throw new IllegalArgumentException("buffer size must be positive: " + size);
        }
        return bufferSize(size);
    }

    private BufferSize bufferSize(int size) throws TpmTransportException {
        try (SocketLink link = send(PtmCommand.SET_BUFFERSIZE, u32(size))) {
            ByteBuffer resp = ByteBuffer.wrap(link.readFully(12));
            return new BufferSize(resp.getInt(), resp.getInt(), resp.getInt());
        }
    }

    /** {@code CMD_GET_INFO}: a JSON document describing the TPM implementation. */
    public String getInfo(PtmInfo info) throws TpmTransportException {
        Transfer transfer = collect(PtmCommand.GET_INFO, false, "info", MAX_INFO_SIZE,
                offset -> ByteBuffer.allocate(16).putLong(info.flag()).putInt(offset).putInt(0).array());
        byte[] text = transfer.data();
        // The document is a C string: drop the terminating zero.
        int end = text.length > 0 && text[text.length - 1] == 0 ? text.length - 1 : text.length;
        return new String(text, 0, end, StandardCharsets.UTF_8);
    }

    /**
     * {@code CMD_GET_STATEBLOB}: one state blob. Taking the volatile blob makes swtpm store its
     * volatile state first, so the blob is current.
     *
     * @param decrypted ask swtpm to remove its state encryption before handing the blob out
     */
    public StateBlob getStateBlob(StateBlobType type, boolean decrypted) throws TpmTransportException {
        Transfer transfer = collect(PtmCommand.GET_STATEBLOB, true, type + " blob", maxBlobSize,
                offset -> ByteBuffer.allocate(12)
                        .putInt(decrypted ? STATE_FLAG_DECRYPTED : 0).putInt(type.code()).putInt(offset).array());
        return new StateBlob(type, (transfer.flags() & STATE_FLAG_ENCRYPTED) != 0, transfer.data());
    }

    /** What a multi-part read brought back, with the flags of its last answer. */
    private record Transfer(byte[] data, int flags) {
    }

    /**
     * Reads a document that may come in parts: each answer is {@code [flags] | total | length | data}.
     * swtpm sends everything from the requested offset at once; a peer that sends less is asked again
     * from where it stopped. The first answer's total, checked against {@code max}, sizes the buffer.
     */
    private Transfer collect(PtmCommand command, boolean hasFlags, String what, int max,
            IntFunction<byte[]> requestAt) throws TpmTransportException {
        byte[] data = null;
        int flags = 0;
        int received = 0;
        do {
            try (SocketLink link = send(command, requestAt.apply(received))) {
                ByteBuffer resp = ByteBuffer.wrap(link.readFully(hasFlags ? 12 : 8));
                flags = hasFlags ? resp.getInt() : 0;
                long total = Integer.toUnsignedLong(resp.getInt());
                long length = Integer.toUnsignedLong(resp.getInt());
                if (data == null) {
                    if (total > max) {
                        throw new FramingException(link.endpoint(), what + " of " + total
                                + " bytes exceeds the limit of " + max);
                    }
                    data = new byte[(int) total];
                }
                // A part must fit what remains, and must not be empty while something remains.
                if (length > data.length - received || (length == 0 && received < data.length)) {
                    throw new FramingException(link.endpoint(), "chunk of " + length + " bytes at offset " + received
                            + " does not fit a transfer of " + data.length + " bytes");
                }
                link.readFully(data, received, (int) length);
                received += (int) length;
            }
        } while (received < data.length);
        return new Transfer(data, flags);
    }

    /**
     * {@code CMD_SET_STATEBLOB}: replaces one part of the TPM's state; the TPM must be stopped
     * ({@link #stop()}) and takes the state on the next {@link #init}. The whole blob goes in one
     * request, which swtpm reads in as many chunks as it needs.
     */
    public void setStateBlob(StateBlob blob) throws TpmTransportException {
        byte[] data = blob.data();
        ByteBuffer body = ByteBuffer.allocate(12 + data.length)
                .putInt(blob.encrypted() ? STATE_FLAG_ENCRYPTED : 0)
                .putInt(blob.type().code())
                .putInt(data.length)
                .put(data);
        simple(PtmCommand.SET_STATEBLOB, body.array());
    }

    /** Sends a command whose answer is the {@code ptm_res} alone. */
    private void simple(PtmCommand command, byte[] body) throws TpmTransportException {
        send(command, body).close();
    }

    /**
     * Connects, sends {@code cmd | body} and, except for {@code GET_CAPABILITY}, reads and checks the
     * leading {@code ptm_res}; the returned link is positioned at the rest of the answer.
     */
    private SocketLink send(PtmCommand command, byte[] body) throws TpmTransportException {
        SocketLink link = SocketLink.connect(address, timeouts);
        try {
            link.write(ByteBuffer.allocate(4 + body.length).putInt(command.code()).put(body).array());
            if (command != PtmCommand.GET_CAPABILITY) {
                int result = (int) link.readUint32();
                if (result != 0) {
                    throw new PtmException(link.endpoint(), command, result);
                }
            }
            return link;
        } catch (TpmTransportException e) {
            link.close();
            throw e;
        }
    }

    private static byte[] u32(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }

    private static byte localityByte(int locality) {
        if (locality < 0 || locality > 0xFF) {
            throw new IllegalArgumentException("locality must fit one byte: " + locality);
        }
        return (byte) locality;
    }

    @Override
    public String toString() {
        return "swtpm control channel " + endpoint();
    }
}
