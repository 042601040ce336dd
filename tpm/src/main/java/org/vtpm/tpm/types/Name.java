package org.vtpm.tpm.types;

import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.SizedBuffer;
import org.vtpm.tpm.wire.SizedBytes;
import org.vtpm.tpm.wire.Tpm2b;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * TPM2B_NAME: the name of an entity (Part 1, 16): for PCRs, sessions and permanent handles the
 * handle itself; for objects and NV indices the name algorithm followed by the digest of the
 * marshalled public area.
 */
@SizedBuffer(max = TpmLimits.SIZEOF_TPMT_HA)
public final class Name extends SizedBytes {

    public static final Name EMPTY = new Name(new byte[0]);

    public Name(byte[] buffer) {
        super(buffer);
    }

    /** The name of an entity whose name is its handle: a PCR, a session or a permanent handle. */
    public static Name of(Handle handle) {
        return new Name(new TpmWriter(4).writeU32(handle.value()).toByteArray());
    }

    /**
     * The name of an object. An object with nameAlg TPM_ALG_NULL has the empty name, as in the
     * reference implementation.
     */
    public static Name of(Public publicArea) {
        return digestName(publicArea.nameAlg(), Codecs.marshal(publicArea));
    }

    /** The name of an object over the exact bytes it was received in. */
    public static Name of(Tpm2b<Public> publicArea) {
        return digestName(publicArea.value().nameAlg(), publicArea.encoded());
    }

    /** The name of an NV index. */
    public static Name of(NvPublic nvPublic) {
        return digestName(nvPublic.nameAlg(), Codecs.marshal(nvPublic));
    }

    /**
     * The qualified name of an object, {@code nameAlg || H_nameAlg(parentQualifiedName || name)},
     * with the object's name algorithm; a hierarchy's qualified name is {@link #of(Handle)}.
     */
    public static Name qualified(Name parentQualifiedName, Name name) {
        AlgId nameAlg = name.nameAlg();
        return new Name(withAlg(nameAlg, hash(nameAlg).hash(parentQualifiedName.buffer(), name.buffer())));
    }

    /** True for the name of an object or NV index: an algorithm and a digest of its size. */
    public boolean isDigest() {
        byte[] bytes = buffer();
        return bytes.length > 2 && HashAlgorithm.fromAlgId(algOf(bytes))
                .filter(h -> h.digestSize() + 2 == bytes.length).isPresent();
    }

    /** The name algorithm of a digest name; fails for handle names and the empty name. */
    public AlgId nameAlg() {
        if (!isDigest()) {
            throw new IllegalStateException("not a digest name: " + this);
        }
        return new AlgId(algOf(buffer()));
    }

    private static int algOf(byte[] bytes) {
        return (bytes[0] & 0xFF) << 8 | (bytes[1] & 0xFF);
    }

    private static Name digestName(AlgId nameAlg, byte[] marshalled) {
        if (nameAlg.equals(AlgId.NULL)) {
            return EMPTY;
        }
        return new Name(withAlg(nameAlg, hash(nameAlg).hash(marshalled)));
    }

    private static HashAlgorithm hash(AlgId alg) {
        return HashAlgorithm.fromAlgId(alg.value())
                .orElseThrow(() -> new IllegalArgumentException(alg + " is not a hash algorithm"));
    }

    private static byte[] withAlg(AlgId alg, byte[] digest) {
        return new TpmWriter(2 + digest.length).writeU16(alg.value()).writeBytes(digest).toByteArray();
    }
}
