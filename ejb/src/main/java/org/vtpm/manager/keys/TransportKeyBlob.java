package org.vtpm.manager.keys;

import java.util.Objects;

import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.Private;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmReader;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * A host's migration transport key as stored outside its physical TPM: the ECDH key's public area,
 * which source hosts seal to, and its private area, which only that TPM can load.
 *
 * <p>{@link #encoded} is {@code "vTRK" || format(1) || TPM2B_PUBLIC || TPM2B_PRIVATE}.
 */
public record TransportKeyBlob(Public publicArea, Private privateArea) {

    private static final int MAGIC = 0x7654_524B;
    private static final int FORMAT = 1;

    public TransportKeyBlob {
        Objects.requireNonNull(publicArea, "publicArea");
        Objects.requireNonNull(privateArea, "privateArea");
    }

    /** The key's TPM name, which the sealed blobs are bound to. */
    public Name name() {
        return Name.of(publicArea);
    }

    /** The public area as a marshalled TPMT_PUBLIC, the form a target host hands to the source. */
    public byte[] encodedPublicArea() {
        return Codecs.marshal(publicArea);
    }

    public byte[] encoded() {
        TpmWriter out = new TpmWriter();
        out.writeU32(MAGIC).writeU8(FORMAT);
        byte[] publicBytes = Codecs.marshal(publicArea);
        out.writeU16(publicBytes.length).writeBytes(publicBytes);
        out.writeBytes(Codecs.marshal(privateArea));
        return out.toByteArray();
    }

    /**
     * Reads what {@link #encoded} wrote.
     *
     * @throws KeyProtectionException when {@code encoded} is not a well-formed transport key
     */
    public static TransportKeyBlob decode(byte[] encoded) throws KeyProtectionException {
        try {
            TpmReader in = new TpmReader(encoded);
            if (in.readU32() != MAGIC) {
                throw new KeyProtectionException("the stored transport key does not start with its magic number");
            }
            int format = in.readU8();
            if (format != FORMAT) {
                throw new KeyProtectionException("the stored transport key has format " + format
                        + ", this manager reads " + FORMAT);
            }
            Public publicArea = Codecs.unmarshal(Public.class, in.readBytes(in.readU16()));
            Private privateArea = Codecs.of(Private.class).read(in, false);
            in.requireEnd();
            return new TransportKeyBlob(publicArea, privateArea);
        } catch (TpmFormatException e) {
            throw new KeyProtectionException("the stored transport key is malformed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "TransportKeyBlob[private " + privateArea.size() + " bytes]";
    }
}
