package org.vtpm.tpm.engine.keys;

import java.security.MessageDigest;

import org.vtpm.tpm.crypto.AesCfb;
import org.vtpm.tpm.crypto.CryptoException;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.crypto.Hmac;
import org.vtpm.tpm.crypto.Kdfa;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.Sensitive;
import org.vtpm.tpm.types.TpmLimits;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmReader;
import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * Protected storage (Part 1, 22 and 23): a child's sensitive area encrypted with a key derived
 * from its parent's seed and the child's name ("STORAGE"), behind an HMAC over the ciphertext and
 * the name ("INTEGRITY"), so it can only be loaded under that parent and with that public area.
 */
public final class ProtectedStorage {

    /** The parent's side: its name algorithm, its seedValue and the key size of its symmetric algorithm. */
    public record Parent(HashAlgorithm nameAlg, byte[] seed, int symmetricKeyBits) {
    }

    private ProtectedStorage() {
    }

    /** TPM2B_PRIVATE's buffer: integrity digest (as a TPM2B), then the encrypted TPM2B_SENSITIVE. */
    public static byte[] wrap(Parent parent, Name name, Sensitive sensitive) throws CryptoException {
        return wrapOuter(parent, name, sized(Codecs.marshal(sensitive)));
    }

    /**
     * Checks and opens a private area.
     *
     * @throws TpmFormatException TPM_RC_INTEGRITY when it was not made under this parent for this
     *     name, or a format code when it decrypts to no TPMT_SENSITIVE
     */
    public static Sensitive unwrap(Parent parent, Name name, byte[] blob) throws TpmFormatException {
        return sensitive(unwrapOuter(parent, name, blob));
    }

    /**
     * The outer wrap of any sized structure (Part 1, 23.3.2): encrypted with AES-CFB under a key
     * derived from the protector's seed and {@code name}, behind an HMAC over the ciphertext and
     * the name. Private areas, duplication blobs (the seed is then a shared secret) and credential
     * blobs all have this shape.
     *
     * @param plaintext a marshalled TPM2B, size first
     */
    public static byte[] wrapOuter(Parent protector, Name name, byte[] plaintext) throws CryptoException {
        byte[] encrypted = AesCfb.encrypt(storageKey(protector, name), new byte[AesCfb.BLOCK_SIZE], plaintext);
        byte[] integrity = Hmac.compute(protector.nameAlg(), integrityKey(protector), encrypted, name.buffer());
        return new TpmWriter(2 + integrity.length + encrypted.length).writeU16(integrity.length)
                .writeBytes(integrity).writeBytes(encrypted).toByteArray();
    }

    /**
     * Checks the integrity of an outer wrap and decrypts it.
     *
     * @throws TpmFormatException TPM_RC_INTEGRITY unless {@link #wrapOuter} made it with this
     *     protector and name; a format code when it is too short to hold an integrity digest
     */
    public static byte[] unwrapOuter(Parent protector, Name name, byte[] blob) throws TpmFormatException {
        TpmReader in = new TpmReader(blob);
        byte[] integrity = readIntegrity(in);
        byte[] encrypted = in.readBytes(in.remaining());
        byte[] expected = Hmac.compute(protector.nameAlg(), integrityKey(protector), encrypted, name.buffer());
        if (!MessageDigest.isEqual(expected, integrity)) {
            throw new TpmFormatException(TpmRc.INTEGRITY, "integrity check failed");
        }
        try {
            return AesCfb.decrypt(storageKey(protector, name), new byte[AesCfb.BLOCK_SIZE], encrypted);
        } catch (CryptoException e) {
            throw new TpmFormatException(TpmRc.INTEGRITY, "cannot decrypt: " + e.getMessage());
        }
    }

    /**
     * The TPM2B_DIGEST an integrity check starts with, read as the reference implementation
     * unmarshals it (TPM_RC_SIZE above the largest digest, TPM_RC_INSUFFICIENT when cut short);
     * a digest of another length then simply fails the comparison.
     */
    static byte[] readIntegrity(TpmReader in) throws TpmFormatException {
        int size = in.readU16();
        if (size > TpmLimits.MAX_DIGEST_SIZE) {
            throw new TpmFormatException(TpmRc.SIZE, "integrity of " + size + " bytes");
        }
        return in.readBytes(size);
    }

    /** {@code bytes} as a TPM2B: its size, then itself. */
    static byte[] sized(byte[] bytes) {
        return new TpmWriter(2 + bytes.length).writeU16(bytes.length).writeBytes(bytes).toByteArray();
    }

    /** The TPMT_SENSITIVE in a marshalled TPM2B_SENSITIVE that must fill {@code plaintext} exactly. */
    static Sensitive sensitive(byte[] plaintext) throws TpmFormatException {
        TpmReader sensitive = new TpmReader(plaintext);
        int length = sensitive.readU16();
        Sensitive value = Codecs.unmarshal(Sensitive.class, sensitive.readBytes(length));
        sensitive.requireEnd();
        return value;
    }

    private static byte[] storageKey(Parent parent, Name name) {
        return Kdfa.derive(parent.nameAlg(), parent.seed(), "STORAGE", name.buffer(), new byte[0],
                parent.symmetricKeyBits());
    }

    private static byte[] integrityKey(Parent parent) {
        return Kdfa.derive(parent.nameAlg(), parent.seed(), "INTEGRITY", new byte[0], new byte[0],
                parent.nameAlg().digestSize() * 8);
    }
}
