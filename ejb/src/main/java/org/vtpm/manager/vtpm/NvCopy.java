package org.vtpm.manager.vtpm;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.vtpm.manager.InvalidRequestException;
import org.vtpm.tpm.client.PasswordSession;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.command.NvDefineSpace;
import org.vtpm.tpm.command.NvRead;
import org.vtpm.tpm.command.NvReadPublic;
import org.vtpm.tpm.command.NvWrite;
import org.vtpm.tpm.command.Startup;
import org.vtpm.tpm.engine.Engine;
import org.vtpm.tpm.engine.state.StateFormatException;
import org.vtpm.tpm.transport.InProcessTransport;
import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.MaxNvBuffer;
import org.vtpm.tpm.types.Nt;
import org.vtpm.tpm.types.NvAttributes;
import org.vtpm.tpm.types.NvPublic;
import org.vtpm.tpm.types.Su;
import org.vtpm.tpm.types.TpmLimits;
import org.vtpm.tpm.wire.Tpm2b;
import org.vtpm.tpm.wire.TpmException;

/**
 * Copies chosen NV indices of a vTPM into its clone: read from the source's stored state in a
 * private engine that nothing else sees, written into the clone with TPM commands. Only what
 * the manager may read with the authorizations it holds (owner or platform hierarchy, or an index
 * with an empty auth value) is copied, ordinary indices only; the clone's copies get an empty
 * auth value and the source's policy, since the manager never learns auth values.
 */
final class NvCopy {

    private static final NvAttributes NOT_COPIED = NvAttributes.of(NvAttributes.WRITTEN, NvAttributes.WRITELOCKED,
            NvAttributes.READLOCKED);

    /** One index as it will be defined and written in the clone, and the authorization that writes it. */
    record Index(NvPublic publicArea, byte[] data, Handle writer) {
    }

    private NvCopy() {
    }

    static List<Index> read(byte[] sourceState, List<Integer> handles) throws InvalidRequestException {
        Engine engine;
        try {
            engine = Engine.restore(sourceState, new SecureRandom());
        } catch (StateFormatException e) {
            throw new InvalidRequestException("the source vTPM's state is not one the engine reads (NV data can only be"
                    + " copied from vTPMs run by the engine): " + e.getMessage());
        }
        engine.tpmInit();
        Tpm source = new Tpm(new InProcessTransport(engine, "clone source"));
        List<Index> indices = new ArrayList<>();
        try {
            source.execute(new Startup(Su.CLEAR));
            for (int value : handles) {
                indices.add(readIndex(source, new Handle(value)));
            }
        } catch (TpmException | IOException e) {
            throw new InvalidRequestException("the source vTPM's NV indices cannot be read: " + e.getMessage());
        }
        return indices;
    }

    static void write(Tpm clone, List<Index> indices) throws TpmException, IOException {
        for (Index index : indices) {
            NvPublic source = index.publicArea();
            NvPublic copy = new NvPublic(source.nvIndex(), source.nameAlg(),
                    new NvAttributes(source.attributes().value() & ~NOT_COPIED.value()), source.authPolicy(),
                    source.dataSize());
            Handle hierarchy = has(source, NvAttributes.PLATFORMCREATE) ? Handle.RH_PLATFORM : Handle.RH_OWNER;
            clone.execute(new NvDefineSpace(hierarchy, Auth.EMPTY, Tpm2b.of(copy)), PasswordSession.empty());
            for (int offset = 0; offset < index.data().length; offset += TpmLimits.MAX_NV_BUFFER_SIZE) {
                byte[] chunk = Arrays.copyOfRange(index.data(), offset,
                        Math.min(index.data().length, offset + TpmLimits.MAX_NV_BUFFER_SIZE));
                clone.execute(new NvWrite(index.writer(), source.nvIndex(), new MaxNvBuffer(chunk), offset),
                        PasswordSession.empty());
            }
        }
    }

    private static Index readIndex(Tpm source, Handle handle) throws TpmException, IOException, InvalidRequestException {
        if ((handle.value() >>> 24) != 0x01) {
            throw new InvalidRequestException(hex(handle) + " is not an NV index handle");
        }
        NvPublic publicArea = source.execute(new NvReadPublic(handle)).nvPublic().value();
        if (!publicArea.attributes().nt().equals(Nt.ORDINARY)) {
            throw new InvalidRequestException("NV index " + hex(handle) + " is not an ordinary index; only those copy");
        }
        Handle writer = writer(publicArea);
        if (!has(publicArea, NvAttributes.WRITTEN)) {
            return new Index(publicArea, new byte[0], writer);
        }
        Handle reader = reader(publicArea);
        byte[] data = new byte[publicArea.dataSize()];
        for (int offset = 0; offset < data.length; offset += TpmLimits.MAX_NV_BUFFER_SIZE) {
            int size = Math.min(TpmLimits.MAX_NV_BUFFER_SIZE, data.length - offset);
            byte[] chunk = source.execute(new NvRead(reader, handle, size, offset), PasswordSession.empty())
                    .data().buffer();
            System.arraycopy(chunk, 0, data, offset, chunk.length);
        }
        return new Index(publicArea, data, writer);
    }

    private static Handle reader(NvPublic index) throws InvalidRequestException {
        if (has(index, NvAttributes.OWNERREAD)) {
            return Handle.RH_OWNER;
        }
        if (has(index, NvAttributes.PPREAD)) {
            return Handle.RH_PLATFORM;
        }
        if (has(index, NvAttributes.AUTHREAD)) {
            return index.nvIndex();
        }
        throw new InvalidRequestException("NV index " + hex(index.nvIndex()) + " is readable only by policy;"
                + " the manager cannot copy it");
    }

    private static Handle writer(NvPublic index) throws InvalidRequestException {
        if (has(index, NvAttributes.OWNERWRITE)) {
            return Handle.RH_OWNER;
        }
        if (has(index, NvAttributes.PPWRITE)) {
            return Handle.RH_PLATFORM;
        }
        if (has(index, NvAttributes.AUTHWRITE)) {
            return index.nvIndex();
        }
        throw new InvalidRequestException("NV index " + hex(index.nvIndex()) + " is writable only by policy;"
                + " the manager cannot copy it");
    }

    private static boolean has(NvPublic index, NvAttributes bit) {
        return (index.attributes().value() & bit.value()) != 0;
    }

    private static String hex(Handle handle) {
        return String.format("0x%08x", handle.value());
    }
}
