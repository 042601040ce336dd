package org.vtpm.tpm.engine.state;

import java.util.Arrays;

import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.NvAttributes;
import org.vtpm.tpm.types.NvPublic;
import org.vtpm.tpm.types.Nt;
import org.vtpm.tpm.wire.Tpm2b;

/**
 * One NV index: its public area (whose attributes carry the written and lock state), its
 * authValue and its data. Unwritten data reads as 0xFF, as erased flash would.
 */
public final class NvIndex {

    private NvPublic publicArea;
    private byte[] authValue;
    private final byte[] data;

    NvIndex(NvPublic publicArea, byte[] authValue, byte[] data) {
        this.publicArea = publicArea;
        this.authValue = authValue;
        this.data = data;
    }

    static NvIndex define(NvPublic publicArea, byte[] authValue) {
        byte[] data = new byte[publicArea.dataSize()];
        Arrays.fill(data, (byte) 0xFF);
        return new NvIndex(publicArea, authValue.clone(), data);
    }

    public NvPublic publicArea() {
        return publicArea;
    }

    public Name name() {
        return Name.of(publicArea);
    }

    public Tpm2b<NvPublic> encodedPublic() {
        return Tpm2b.of(publicArea);
    }

    public byte[] authValue() {
        return authValue.clone();
    }

    /** TPM2_NV_ChangeAuth. */
    public void authValue(byte[] value) {
        authValue = value.clone();
    }

    public boolean has(NvAttributes bits) {
        return publicArea.attributes().has(bits);
    }

    public Nt type() {
        return publicArea.attributes().nt();
    }

    public byte[] read(int offset, int length) {
        return Arrays.copyOfRange(data, offset, offset + length);
    }

    /** Writes and marks the index written. */
    public void write(int offset, byte[] bytes) {
        System.arraycopy(bytes, 0, data, offset, bytes.length);
        set(NvAttributes.WRITTEN);
    }

    public void set(NvAttributes bits) {
        publicArea = withAttributes(publicArea.attributes().with(bits));
    }

    public void clear(NvAttributes bits) {
        publicArea = withAttributes(publicArea.attributes().without(bits));
    }

    private NvPublic withAttributes(NvAttributes attributes) {
        return new NvPublic(publicArea.nvIndex(), publicArea.nameAlg(), attributes, publicArea.authPolicy(),
                publicArea.dataSize());
    }

    byte[] data() {
        return data;
    }
}
