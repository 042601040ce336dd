package org.vtpm.tpm.engine.keys;

import java.security.MessageDigest;

import org.vtpm.tpm.crypto.AesCfb;
import org.vtpm.tpm.crypto.CryptoException;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.Sensitive;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmReader;
import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * The inner wrap of a duplicated object (Part 1, 23.3.2.3): the TPM2B_SENSITIVE behind a plain
 * digest of itself and the object's name, all encrypted with AES-CFB under a key the duplicating
 * party chose (or the TPM made) and a zero IV. The outer wrap, keyed by a seed shared with the new
 * parent, is {@link ProtectedStorage#wrapOuter}.
 */
public final class Duplication {

    private Duplication() {
    }

    /** The marshalled TPM2B_SENSITIVE of an object that gets no inner wrap. */
    public static byte[] plain(Sensitive sensitive) {
        return ProtectedStorage.sized(Codecs.marshal(sensitive));
    }

    /** The TPMT_SENSITIVE of a duplicate without inner wrap. */
    public static Sensitive openPlain(byte[] blob) throws TpmFormatException {
        return ProtectedStorage.sensitive(blob);
    }

    public static byte[] wrapInner(HashAlgorithm nameAlg, Name name, Sensitive sensitive, byte[] key)
            throws CryptoException {
        byte[] sized = plain(sensitive);
        byte[] integrity = nameAlg.hash(sized, name.buffer());
        byte[] plaintext = new TpmWriter(2 + integrity.length + sized.length).writeU16(integrity.length)
                .writeBytes(integrity).writeBytes(sized).toByteArray();
        return AesCfb.encrypt(key, new byte[AesCfb.BLOCK_SIZE], plaintext);
    }

    /**
     * Decrypts and checks an inner wrap.
     *
     * @throws TpmFormatException TPM_RC_INTEGRITY when the digest does not match (a wrong key or
     *     name), a format code when the decrypted bytes are no sensitive area
     */
    public static Sensitive unwrapInner(HashAlgorithm nameAlg, Name name, byte[] blob, byte[] key)
            throws TpmFormatException {
        byte[] plaintext;
        try {
            plaintext = AesCfb.decrypt(key, new byte[AesCfb.BLOCK_SIZE], blob);
        } catch (CryptoException e) {
            throw new TpmFormatException(TpmRc.SIZE, "inner wrap key: " + e.getMessage());
        }
        TpmReader in = new TpmReader(plaintext);
        byte[] integrity = ProtectedStorage.readIntegrity(in);
        byte[] sized = in.readBytes(in.remaining());
        if (!MessageDigest.isEqual(integrity, nameAlg.hash(sized, name.buffer()))) {
            throw new TpmFormatException(TpmRc.INTEGRITY, "inner integrity check failed");
        }
        return ProtectedStorage.sensitive(sized);
    }
}
