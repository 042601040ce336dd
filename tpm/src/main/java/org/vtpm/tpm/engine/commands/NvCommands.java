package org.vtpm.tpm.engine.commands;

import org.vtpm.tpm.command.NvDefineSpace;
import org.vtpm.tpm.command.NvDefineSpaceResponse;
import org.vtpm.tpm.command.NvExtend;
import org.vtpm.tpm.command.NvExtendResponse;
import org.vtpm.tpm.command.NvGlobalWriteLock;
import org.vtpm.tpm.command.NvGlobalWriteLockResponse;
import org.vtpm.tpm.command.NvIncrement;
import org.vtpm.tpm.command.NvIncrementResponse;
import org.vtpm.tpm.command.NvRead;
import org.vtpm.tpm.command.NvReadLock;
import org.vtpm.tpm.command.NvReadLockResponse;
import org.vtpm.tpm.command.NvReadPublic;
import org.vtpm.tpm.command.NvReadPublicResponse;
import org.vtpm.tpm.command.NvReadResponse;
import org.vtpm.tpm.command.NvSetBits;
import org.vtpm.tpm.command.NvSetBitsResponse;
import org.vtpm.tpm.command.NvUndefineSpace;
import org.vtpm.tpm.command.NvUndefineSpaceResponse;
import org.vtpm.tpm.command.NvUndefineSpaceSpecial;
import org.vtpm.tpm.command.NvUndefineSpaceSpecialResponse;
import org.vtpm.tpm.command.NvWrite;
import org.vtpm.tpm.command.NvWriteLock;
import org.vtpm.tpm.command.NvWriteLockResponse;
import org.vtpm.tpm.command.NvWriteResponse;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.engine.state.EngineState;
import org.vtpm.tpm.engine.state.NvIndex;
import org.vtpm.tpm.engine.state.NvIndices;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.MaxNvBuffer;
import org.vtpm.tpm.types.NvAttributes;
import org.vtpm.tpm.types.NvPublic;
import org.vtpm.tpm.types.Nt;
import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.TpmWriter;

/** The NV commands (Part 3, clause 31) for ordinary, counter, bit-field and extend indices. */
public final class NvCommands {

    private static final NvAttributes WRITE_ANY = NvAttributes.of(NvAttributes.PPWRITE, NvAttributes.OWNERWRITE,
            NvAttributes.AUTHWRITE, NvAttributes.POLICYWRITE);
    private static final NvAttributes READ_ANY = NvAttributes.of(NvAttributes.PPREAD, NvAttributes.OWNERREAD,
            NvAttributes.AUTHREAD, NvAttributes.POLICYREAD);
    private static final NvAttributes STATE_BITS = NvAttributes.of(NvAttributes.WRITELOCKED,
            NvAttributes.READLOCKED, NvAttributes.WRITTEN);

    private final EngineState state;

    public NvCommands(EngineState state) {
        this.state = state;
    }

    public NvDefineSpaceResponse defineSpace(NvDefineSpace command, Request request) throws CommandError {
        if (command.publicInfo().isEmpty()) {
            throw CommandError.of(TpmRc.SIZE.withParameter(2));
        }
        NvPublic info = command.publicInfo().value();
        HashAlgorithm nameAlg = Algorithms.hash(info.nameAlg())
                .orElseThrow(() -> CommandError.of(TpmRc.HASH.withParameter(2)));
        byte[] auth = AuthValues.trimTrailingZeros(command.auth().buffer());
        if (auth.length > nameAlg.digestSize()) {
            throw CommandError.of(TpmRc.SIZE.withParameter(1));
        }
        int policySize = info.authPolicy().size();
        if (policySize != 0 && policySize != nameAlg.digestSize()) {
            throw CommandError.of(TpmRc.SIZE.withParameter(2));
        }
        NvAttributes attributes = info.attributes();
        Nt type = attributes.nt();
        boolean platform = command.authHandle().equals(Handle.RH_PLATFORM);
        if (!(type.equals(Nt.ORDINARY) || type.equals(Nt.COUNTER) || type.equals(Nt.BITS) || type.equals(Nt.EXTEND))
                || (attributes.value() & WRITE_ANY.value()) == 0 || (attributes.value() & READ_ANY.value()) == 0
                || (attributes.value() & STATE_BITS.value()) != 0
                || type.equals(Nt.COUNTER) && attributes.has(NvAttributes.CLEAR_STCLEAR)) {
            throw CommandError.of(TpmRc.ATTRIBUTES.withParameter(2));
        }
        if (attributes.has(NvAttributes.PLATFORMCREATE) != platform
                || attributes.has(NvAttributes.POLICY_DELETE) && !platform) {
            throw CommandError.of(TpmRc.ATTRIBUTES.withHandle(1));
        }
        int size = info.dataSize();
        if ((type.equals(Nt.COUNTER) || type.equals(Nt.BITS)) && size != 8
                || type.equals(Nt.EXTEND) && size != nameAlg.digestSize() || size > NvIndices.MAX_INDEX_SIZE) {
            throw CommandError.of(TpmRc.SIZE.withParameter(2));
        }
        if (platform && !state.hierarchies().phEnableNv()) {
            throw CommandError.of(TpmRc.HIERARCHY.withHandle(1));
        }
        if (state.nv().get(info.nvIndex()).isPresent()) {
            throw CommandError.of(TpmRc.NV_DEFINED);
        }
        if (!state.nv().hasRoomFor(size)) {
            throw CommandError.of(TpmRc.NV_SPACE);
        }
        state.nv().define(info, auth);
        return new NvDefineSpaceResponse();
    }

    public NvUndefineSpaceResponse undefineSpace(NvUndefineSpace command, Request request) throws CommandError {
        NvIndex index = index(command.nvIndex());
        if (index.has(NvAttributes.POLICY_DELETE)) {
            throw CommandError.of(TpmRc.ATTRIBUTES.withHandle(2));
        }
        if (command.authHandle().equals(Handle.RH_OWNER) && index.has(NvAttributes.PLATFORMCREATE)) {
            throw CommandError.of(TpmRc.NV_AUTHORIZATION);
        }
        state.nv().undefine(command.nvIndex());
        return new NvUndefineSpaceResponse();
    }

    /** Only for an index with POLICY_DELETE, which TPM2_NV_UndefineSpace refuses. */
    public NvUndefineSpaceSpecialResponse undefineSpaceSpecial(NvUndefineSpaceSpecial command, Request request)
            throws CommandError {
        if (!index(command.nvIndex()).has(NvAttributes.POLICY_DELETE)) {
            throw CommandError.of(TpmRc.ATTRIBUTES.withHandle(1));
        }
        state.nv().undefine(command.nvIndex());
        return new NvUndefineSpaceSpecialResponse();
    }

    public NvReadPublicResponse readPublic(NvReadPublic command, Request request) throws CommandError {
        NvIndex index = index(command.nvIndex());
        return new NvReadPublicResponse(index.encodedPublic(), index.name());
    }

    public NvWriteResponse write(NvWrite command, Request request) throws CommandError {
        NvIndex index = writable(command.authHandle(), command.nvIndex());
        if (!index.type().equals(Nt.ORDINARY)) {
            // Part 3 gives this one without a handle number, unlike the other NV commands.
            throw CommandError.of(TpmRc.ATTRIBUTES);
        }
        byte[] data = command.data().buffer();
        int size = index.publicArea().dataSize();
        if (command.offset() + data.length > size
                || index.has(NvAttributes.WRITEALL) && data.length != size) {
            throw CommandError.of(TpmRc.NV_RANGE);
        }
        index.write(command.offset(), data);
        return new NvWriteResponse();
    }

    public NvReadResponse read(NvRead command, Request request) throws CommandError {
        NvIndex index = readable(command.authHandle(), command.nvIndex());
        if (!index.has(NvAttributes.WRITTEN)) {
            throw CommandError.of(TpmRc.NV_UNINITIALIZED);
        }
        if (command.offset() + command.size() > index.publicArea().dataSize()) {
            throw CommandError.of(TpmRc.NV_RANGE);
        }
        return new NvReadResponse(new MaxNvBuffer(index.read(command.offset(), command.size())));
    }

    /** A counter's first increment starts above every counter this TPM ever had. */
    public NvIncrementResponse increment(NvIncrement command, Request request) throws CommandError {
        NvIndex index = writable(command.authHandle(), command.nvIndex());
        requireType(index, Nt.COUNTER);
        long value = index.has(NvAttributes.WRITTEN) ? NvIndices.counterValue(index) : state.nv().maxCounter();
        index.write(0, new TpmWriter(8).writeU64(value + 1).toByteArray());
        return new NvIncrementResponse();
    }

    public NvExtendResponse extend(NvExtend command, Request request) throws CommandError {
        NvIndex index = writable(command.authHandle(), command.nvIndex());
        requireType(index, Nt.EXTEND);
        HashAlgorithm alg = Algorithms.hash(index.publicArea().nameAlg()).orElseThrow();
        byte[] old = index.has(NvAttributes.WRITTEN) ? index.read(0, alg.digestSize()) : new byte[alg.digestSize()];
        index.write(0, alg.hash(old, command.data().buffer()));
        return new NvExtendResponse();
    }

    public NvSetBitsResponse setBits(NvSetBits command, Request request) throws CommandError {
        NvIndex index = writable(command.authHandle(), command.nvIndex());
        requireType(index, Nt.BITS);
        long old = index.has(NvAttributes.WRITTEN) ? NvIndices.counterValue(index) : 0;
        index.write(0, new TpmWriter(8).writeU64(old | command.bits()).toByteArray());
        return new NvSetBitsResponse();
    }

    /** Locking a locked index is no error; only a missing permission is. */
    public NvWriteLockResponse writeLock(NvWriteLock command, Request request) throws CommandError {
        NvIndex index = index(command.nvIndex());
        if (!index.has(NvAttributes.WRITEDEFINE) && !index.has(NvAttributes.WRITE_STCLEAR)) {
            throw CommandError.of(TpmRc.ATTRIBUTES.withHandle(2));
        }
        if (!index.has(NvAttributes.WRITELOCKED)) {
            writable(command.authHandle(), command.nvIndex());
            index.set(NvAttributes.WRITELOCKED);
        }
        return new NvWriteLockResponse();
    }

    public NvGlobalWriteLockResponse globalWriteLock(NvGlobalWriteLock command, Request request) {
        state.nv().globalWriteLock();
        return new NvGlobalWriteLockResponse();
    }

    public NvReadLockResponse readLock(NvReadLock command, Request request) throws CommandError {
        NvIndex index = index(command.nvIndex());
        if (!index.has(NvAttributes.READ_STCLEAR)) {
            throw CommandError.of(TpmRc.ATTRIBUTES.withHandle(2));
        }
        if (!index.has(NvAttributes.READLOCKED)) {
            checkAccess(command.authHandle(), command.nvIndex(), index, NvAttributes.OWNERREAD,
                    NvAttributes.PPREAD, NvAttributes.AUTHREAD);
            index.set(NvAttributes.READLOCKED);
        }
        return new NvReadLockResponse();
    }

    private NvIndex index(Handle handle) {
        return state.nv().get(handle).orElseThrow();
    }

    private static void requireType(NvIndex index, Nt type) throws CommandError {
        if (!index.type().equals(type)) {
            throw CommandError.of(TpmRc.ATTRIBUTES.withHandle(2));
        }
    }

    private NvIndex writable(Handle authHandle, Handle nvIndex) throws CommandError {
        NvIndex index = index(nvIndex);
        if (index.has(NvAttributes.WRITELOCKED)) {
            throw CommandError.of(TpmRc.NV_LOCKED);
        }
        checkAccess(authHandle, nvIndex, index, NvAttributes.OWNERWRITE, NvAttributes.PPWRITE,
                NvAttributes.AUTHWRITE);
        return index;
    }

    private NvIndex readable(Handle authHandle, Handle nvIndex) throws CommandError {
        NvIndex index = index(nvIndex);
        if (index.has(NvAttributes.READLOCKED)) {
            throw CommandError.of(TpmRc.NV_LOCKED);
        }
        checkAccess(authHandle, nvIndex, index, NvAttributes.OWNERREAD, NvAttributes.PPREAD,
                NvAttributes.AUTHREAD);
        return index;
    }

    /**
     * The authorizing entity must be one the index's attributes allow: the owner, the platform, or
     * the index itself, whose authValue (AUTHREAD/AUTHWRITE) or policy (POLICYREAD/POLICYWRITE) the
     * dispatcher has already checked against the kind of session used.
     */
    private static void checkAccess(Handle authHandle, Handle nvIndex, NvIndex index, NvAttributes owner,
            NvAttributes platform, NvAttributes self) throws CommandError {
        boolean allowed = authHandle.equals(Handle.RH_OWNER) ? index.has(owner)
                : authHandle.equals(Handle.RH_PLATFORM) ? index.has(platform)
                : authHandle.equals(nvIndex) && (index.has(self) || index.has(self.equals(NvAttributes.AUTHWRITE)
                        ? NvAttributes.POLICYWRITE : NvAttributes.POLICYREAD));
        if (!allowed) {
            throw CommandError.of(TpmRc.NV_AUTHORIZATION);
        }
    }
}
