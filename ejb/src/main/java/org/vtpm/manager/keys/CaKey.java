package org.vtpm.manager.keys;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

import org.bouncycastle.cert.X509CertificateHolder;
import org.vtpm.tpm.types.Private;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmReader;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * The manager CA key as stored outside the TPM: the signing key's public area and its private area
 * (usable only under the storage primary key of the physical TPM that created it), and the CA's
 * self-signed certificate (DER).
 *
 * <p>{@link #encoded} is {@code "vCAK" || format(1) || TPM2B_PUBLIC || TPM2B_PRIVATE || UINT32
 * length || certificate}.
 */
public record CaKey(Public publicArea, Private privateArea, byte[] certificate) {

    private static final int MAGIC = 0x7643_414B;
    private static final int FORMAT = 1;

    public CaKey {
        Objects.requireNonNull(publicArea, "publicArea");
        Objects.requireNonNull(privateArea, "privateArea");
        certificate = certificate.clone();
    }

    @Override
    public byte[] certificate() {
        return certificate.clone();
    }

    public byte[] encoded() {
        TpmWriter out = new TpmWriter();
        out.writeU32(MAGIC).writeU8(FORMAT);
        byte[] publicBytes = Codecs.marshal(publicArea);
        out.writeU16(publicBytes.length).writeBytes(publicBytes);
        out.writeBytes(Codecs.marshal(privateArea));
        out.writeU32(certificate.length).writeBytes(certificate);
        return out.toByteArray();
    }

    /**
     * Reads what {@link #encoded} wrote, and checks that the certificate is well-formed and
     * certifies this key.
     *
     * @throws KeyProtectionException when {@code encoded} is not such a CA key
     */
    public static CaKey decode(byte[] encoded) throws KeyProtectionException {
        CaKey key;
        try {
            TpmReader in = new TpmReader(encoded);
            if (in.readU32() != MAGIC) {
                throw new KeyProtectionException("the stored CA key does not start with its magic number");
            }
            int format = in.readU8();
            if (format != FORMAT) {
                throw new KeyProtectionException("the stored CA key has format " + format + ", this manager reads "
                        + FORMAT);
            }
            Public publicArea = Codecs.unmarshal(Public.class, in.readBytes(in.readU16()));
            Private privateArea = Codecs.of(Private.class).read(in, false);
            long certificateLength = Integer.toUnsignedLong(in.readU32());
            if (certificateLength > in.remaining()) {
                throw new KeyProtectionException("the stored CA key is cut short in its certificate");
            }
            byte[] certificate = in.readBytes((int) certificateLength);
            in.requireEnd();
            key = new CaKey(publicArea, privateArea, certificate);
        } catch (TpmFormatException e) {
            throw new KeyProtectionException("the stored CA key is malformed: " + e.getMessage(), e);
        }
        key.checkCertificate();
        return key;
    }

    /** The certificate, parsed; it must certify {@link #publicArea}. */
    X509CertificateHolder checkCertificate() throws KeyProtectionException {
        X509CertificateHolder holder;
        try {
            holder = new X509CertificateHolder(certificate);
        } catch (IOException | RuntimeException e) {
            throw new KeyProtectionException("the CA certificate is not a well-formed X.509 certificate", e);
        }
        try {
            if (!holder.getSubjectPublicKeyInfo().equals(PublicKeys.subjectPublicKeyInfo(publicArea))) {
                throw new KeyProtectionException("the CA certificate does not certify the CA key it is stored with");
            }
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new KeyProtectionException("the stored CA key is not an ECC P-256 key", e);
        }
        return holder;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CaKey other && publicArea.equals(other.publicArea)
                && privateArea.equals(other.privateArea) && Arrays.equals(certificate, other.certificate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(publicArea, privateArea, Arrays.hashCode(certificate));
    }

    @Override
    public String toString() {
        return "CaKey[private " + privateArea.size() + " bytes, certificate " + certificate.length + " bytes]";
    }
}
