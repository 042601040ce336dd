package org.vtpm.tpm.engine.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.NvAttributes;
import org.vtpm.tpm.types.NvPublic;
import org.vtpm.tpm.types.Nt;
import org.vtpm.tpm.types.TpmLimits;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmReader;
import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * The NV indices, within a fixed budget of indices and bytes, and the highest value any counter
 * index ever had (a redefined counter starts above it, so counters never go back).
 */
public final class NvIndices {

    public static final int MAX_INDICES = 128;
    public static final int MAX_INDEX_SIZE = 2048;
    public static final int TOTAL_BYTES = 64 * 1024;
    private static final int MAX_PUBLIC = 128;

    private final TreeMap<Integer, NvIndex> indices;
    private long maxCounter;

    private NvIndices(TreeMap<Integer, NvIndex> indices, long maxCounter) {
        this.indices = indices;
        this.maxCounter = maxCounter;
    }

    public static NvIndices empty() {
        return new NvIndices(new TreeMap<>(), 0);
    }

    public Optional<NvIndex> get(Handle handle) {
        return Optional.ofNullable(indices.get(handle.value()));
    }

    /** Whether an index of {@code dataSize} bytes still fits. */
    public boolean hasRoomFor(int dataSize) {
        int used = indices.values().stream().mapToInt(i -> i.publicArea().dataSize()).sum();
        return indices.size() < MAX_INDICES && used + dataSize <= TOTAL_BYTES;
    }

    public NvIndex define(NvPublic publicArea, byte[] authValue) {
        NvIndex index = NvIndex.define(publicArea, authValue);
        indices.put(publicArea.nvIndex().value(), index);
        return index;
    }

    public void undefine(Handle handle) {
        NvIndex index = indices.remove(handle.value());
        if (index != null && index.type().equals(Nt.COUNTER) && index.has(NvAttributes.WRITTEN)) {
            maxCounter = Long.max(maxCounter, counterValue(index));
        }
    }

    /**
     * TPM2_Clear: removes the indices the owner defined (those without platformCreate), keeping
     * counters' highest values.
     */
    public void undefineOwnerIndices() {
        for (Handle handle : handles()) {
            if (!indices.get(handle.value()).has(NvAttributes.PLATFORMCREATE)) {
                undefine(handle);
            }
        }
    }

    /** The value a counter index starts from at its first increment. */
    public long maxCounter() {
        return maxCounter;
    }

    public static long counterValue(NvIndex index) {
        byte[] b = index.read(0, 8);
        long v = 0;
        for (byte x : b) {
            v = v << 8 | (x & 0xFF);
        }
        return v;
    }

    /**
     * TPM Reset and Restart: read locks end, CLEAR_STCLEAR indices are unwritten, and write locks
     * end except on a written WRITEDEFINE index (whose lock is for its lifetime).
     */
    public void startupClear() {
        for (NvIndex index : indices.values()) {
            index.clear(NvAttributes.READLOCKED);
            if (index.has(NvAttributes.CLEAR_STCLEAR)) {
                index.clear(NvAttributes.WRITTEN);
            }
            if (!index.has(NvAttributes.WRITTEN) || !index.has(NvAttributes.WRITEDEFINE)) {
                index.clear(NvAttributes.WRITELOCKED);
            }
        }
    }

    /** TPM2_NV_GlobalWriteLock: every index with GLOBALLOCK becomes write-locked. */
    public void globalWriteLock() {
        for (NvIndex index : indices.values()) {
            if (index.has(NvAttributes.GLOBALLOCK)) {
                index.set(NvAttributes.WRITELOCKED);
            }
        }
    }

    public int size() {
        return indices.size();
    }

    /** The handles of all indices, in handle order. */
    public List<Handle> handles() {
        List<Handle> out = new ArrayList<>(indices.size());
        for (int h : indices.keySet()) {
            out.add(new Handle(h));
        }
        return out;
    }

    public void write(TpmWriter out) {
        out.writeU64(maxCounter);
        out.writeU16(indices.size());
        for (Map.Entry<Integer, NvIndex> entry : indices.entrySet()) {
            NvIndex index = entry.getValue();
            StateFields.writeBytes(out, Codecs.marshal(index.publicArea()));
            StateFields.writeBytes(out, index.authValue());
            StateFields.writeBytes(out, index.data());
        }
    }

    public static NvIndices read(StateReader.Section section) throws TpmFormatException {
        TpmReader in = section.body();
        long maxCounter = in.readU64();
        int count = in.readU16();
        if (count > MAX_INDICES) {
            throw new TpmFormatException(TpmRc.SIZE, count + " NV indices");
        }
        TreeMap<Integer, NvIndex> indices = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            NvPublic publicArea = Codecs.unmarshal(NvPublic.class, StateFields.readBytes(in, MAX_PUBLIC));
            byte[] authValue = StateFields.readBytes(in, TpmLimits.MAX_DIGEST_SIZE);
            byte[] data = StateFields.readBytes(in, MAX_INDEX_SIZE);
            if (data.length != publicArea.dataSize()
                    || indices.put(publicArea.nvIndex().value(), new NvIndex(publicArea, authValue, data)) != null) {
                throw new TpmFormatException(TpmRc.VALUE, "NV index " + publicArea.nvIndex());
            }
        }
        in.requireEnd();
        return new NvIndices(indices, maxCounter);
    }
}
