package org.vtpm.tpm.server;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.vtpm.tpm.transport.swtpm.BufferSize;
import org.vtpm.tpm.transport.swtpm.PtmCapability;
import org.vtpm.tpm.transport.swtpm.PtmCommand;
import org.vtpm.tpm.transport.swtpm.PtmException;
import org.vtpm.tpm.transport.swtpm.StateBlobType;

/**
 * swtpm's control channel: {@code cmd (u32) | request} in, {@code ptm_res (u32) | answer} out, as
 * laid out in swtpm's {@code tpm_ioctl.h}, any number per connection (tpm2-tss opens one per
 * command, QEMU keeps one open).
 *
 * <p>Each request is read to its exact length, which the command code determines. A command this
 * server does not offer (cancel, SET_DATAFD, GET_INFO) or does not know is answered with
 * TPM_BAD_ORDINAL and ends the connection, because the length of its request is unknown.
 */
final class SwtpmControlProtocol implements ChannelProtocol {

    /** What {@code CMD_GET_CAPABILITY} reports: exactly the commands {@link #serve} carries out. */
    static final Set<PtmCapability> CAPABILITIES = EnumSet.of(
            PtmCapability.INIT,
            PtmCapability.SHUTDOWN,
            PtmCapability.GET_TPMESTABLISHED,
            PtmCapability.SET_LOCALITY,
            PtmCapability.HASHING,
            PtmCapability.STORE_VOLATILE,
            PtmCapability.RESET_TPMESTABLISHED,
            PtmCapability.GET_STATEBLOB,
            PtmCapability.SET_STATEBLOB,
            PtmCapability.STOP,
            PtmCapability.GET_CONFIG,
            PtmCapability.SET_BUFFERSIZE);

    /** The commands {@link #CAPABILITIES} stand for, and GET_CAPABILITY itself. */
    private static final Set<PtmCommand> OFFERED = EnumSet.of(
            PtmCommand.GET_CAPABILITY,
            PtmCommand.INIT,
            PtmCommand.SHUTDOWN,
            PtmCommand.GET_TPMESTABLISHED,
            PtmCommand.SET_LOCALITY,
            PtmCommand.HASH_START,
            PtmCommand.HASH_DATA,
            PtmCommand.HASH_END,
            PtmCommand.STORE_VOLATILE,
            PtmCommand.RESET_TPMESTABLISHED,
            PtmCommand.GET_STATEBLOB,
            PtmCommand.SET_STATEBLOB,
            PtmCommand.STOP,
            PtmCommand.GET_CONFIG,
            PtmCommand.SET_BUFFERSIZE);

    private static final int TPM_SUCCESS = 0;
    /** The data one {@code CMD_HASH_DATA} carries at most ({@code ptm_hdata}'s buffer). */
    private static final int MAX_HASH_DATA = 4096;
    private static final int INIT_FLAG_DELETE_VOLATILE = 1;
    private static final int STATE_FLAG_ENCRYPTED = 2;

    private final TpmPlatform platform;
    private final int maxBlobSize;
    private final Runnable shutdownRequest;

    /**
     * @param maxBlobSize     the largest state blob {@code CMD_SET_STATEBLOB} accepts
     * @param shutdownRequest what {@code CMD_SHUTDOWN} asks of the server once the TPM is stopped
     */
    SwtpmControlProtocol(TpmPlatform platform, int maxBlobSize, Runnable shutdownRequest) {
        this.platform = platform;
        this.maxBlobSize = maxBlobSize;
        this.shutdownRequest = shutdownRequest;
    }

    @Override
    public void serve(MessageInput in, DataOutputStream out) throws IOException {
        while (true) {
            in.awaitMessage();
            int code = in.readInt();
            boolean keepGoing = handle(code, in, out);
            out.flush();
            if (!keepGoing) {
                return;
            }
        }
    }

    /** Carries out one command; false when the connection must end after its answer. */
    private boolean handle(int code, MessageInput in, DataOutputStream out) throws IOException {
        Optional<PtmCommand> command = command(code);
        if (command.isEmpty() || !OFFERED.contains(command.get())) {
            out.writeInt(PtmException.TPM_BAD_ORDINAL);
            return false;
        }
        try {
            switch (command.get()) {
                case GET_CAPABILITY:
                    out.writeLong(capabilityMask());
                    return true;
                case INIT:
                    platform.init((in.readInt() & INIT_FLAG_DELETE_VOLATILE) != 0);
                    out.writeInt(TPM_SUCCESS);
                    return true;
                case SHUTDOWN:
                    platform.stop();
                    out.writeInt(TPM_SUCCESS);
                    out.flush();
                    shutdownRequest.run();
                    return false;
                case STOP:
                    platform.stop();
                    out.writeInt(TPM_SUCCESS);
                    return true;
                case GET_TPMESTABLISHED:
                    boolean established = platform.tpmEstablished();
                    out.writeInt(TPM_SUCCESS);
                    out.writeByte(established ? 1 : 0);
                    out.write(new byte[3]);
                    return true;
                case SET_LOCALITY:
                    platform.setLocality(in.readUnsignedByte());
                    out.writeInt(TPM_SUCCESS);
                    return true;
                case RESET_TPMESTABLISHED:
                    platform.resetTpmEstablished(in.readUnsignedByte());
                    out.writeInt(TPM_SUCCESS);
                    return true;
                case HASH_START:
                    platform.hashStart();
                    out.writeInt(TPM_SUCCESS);
                    return true;
                case HASH_DATA:
                    return hashData(in, out);
                case HASH_END:
                    platform.hashEnd();
                    out.writeInt(TPM_SUCCESS);
                    return true;
                case STORE_VOLATILE:
                    platform.storeVolatile();
                    out.writeInt(TPM_SUCCESS);
                    return true;
                case GET_CONFIG:
                    // Neither a file key nor a migration key: state is protected by the store.
                    out.writeInt(TPM_SUCCESS);
                    out.writeInt(0);
                    return true;
                case SET_BUFFERSIZE:
                    BufferSize size = platform.setBufferSize(in.readInt());
                    out.writeInt(TPM_SUCCESS);
                    out.writeInt(size.size());
                    out.writeInt(size.minimum());
                    out.writeInt(size.maximum());
                    return true;
                case GET_STATEBLOB:
                    return getStateBlob(in, out);
                case SET_STATEBLOB:
                    return setStateBlob(in, out);
                default:
                    throw new IllegalStateException("offered but not handled: " + command.get());
            }
        } catch (PlatformException e) {
            out.writeInt(e.result());
            return true;
        }
    }

    private boolean hashData(MessageInput in, DataOutputStream out) throws IOException, PlatformException {
        long length = Integer.toUnsignedLong(in.readInt());
        if (length > MAX_HASH_DATA) {
            out.writeInt(PtmException.TPM_BAD_PARAMETER);
            return false;
        }
        platform.hashData(in.readBounded((int) length));
        out.writeInt(TPM_SUCCESS);
        return true;
    }

    private boolean getStateBlob(MessageInput in, DataOutputStream out) throws IOException, PlatformException {
        // The DECRYPTED flag asks for what this server always hands out: blobs are never encrypted here.
        in.readInt();
        int type = in.readInt();
        long offset = Integer.toUnsignedLong(in.readInt());
        Optional<StateBlobType> blobType = blobType(type);
        if (blobType.isEmpty()) {
            throw new PlatformException(PtmException.TPM_BAD_PARAMETER, "no state blob type " + type);
        }
        byte[] blob = platform.stateBlob(blobType.get());
        int length = offset < blob.length ? blob.length - (int) offset : 0;
        out.writeInt(TPM_SUCCESS);
        out.writeInt(0);
        out.writeInt(length);
        out.writeInt(length);
        out.write(blob, blob.length - length, length);
        return true;
    }

    private boolean setStateBlob(MessageInput in, DataOutputStream out) throws IOException, PlatformException {
        int flags = in.readInt();
        int type = in.readInt();
        long length = Integer.toUnsignedLong(in.readInt());
        if (length > maxBlobSize) {
            out.writeInt(PtmException.TPM_SIZE);
            return false;
        }
        byte[] blob = in.readBounded((int) length);
        Optional<StateBlobType> blobType = blobType(type);
        if (blobType.isEmpty()) {
            throw new PlatformException(PtmException.TPM_BAD_PARAMETER, "no state blob type " + type);
        }
        if ((flags & STATE_FLAG_ENCRYPTED) != 0) {
            throw new PlatformException(PtmException.TPM_BAD_PARAMETER,
                    "an encrypted blob needs a migration key, and this server has none");
        }
        platform.setStateBlob(blobType.get(), blob);
        out.writeInt(TPM_SUCCESS);
        return true;
    }


    private static long capabilityMask() {
        long mask = 0;
        for (PtmCapability capability : CAPABILITIES) {
            mask |= capability.mask();
        }
        return mask;
    }

    private static Optional<PtmCommand> command(int code) {
        for (PtmCommand command : PtmCommand.values()) {
            if (command.code() == code) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }

    private static Optional<StateBlobType> blobType(int code) {
        for (StateBlobType type : StateBlobType.values()) {
            if (type.code() == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
