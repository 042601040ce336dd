package org.vtpm.tpm.engine.keys;

import java.security.MessageDigest;
import java.util.Arrays;

import org.vtpm.tpm.crypto.AesCfb;
import org.vtpm.tpm.crypto.CryptoException;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.crypto.Hmac;
import org.vtpm.tpm.crypto.Kdfa;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * The blob of a saved context (Part 1, 30.3): the object encrypted with AES-256-CFB under a key
 * and IV derived from its hierarchy's proof, the context's sequence number and saved handle, behind
 * an HMAC-SHA-384 keyed with the same proof over the reset count, sequence, handle and ciphertext.
 * A context therefore loads only in the TPM that saved it, unchanged, and not after a TPM Reset.
 */
public final class SavedContexts {

    public static final HashAlgorithm HASH = HashAlgorithm.SHA384;
    private static final int KEY_BITS = 256;
    private static final int IV_BITS = 128;

    /** What a context blob is bound to. */
    public record Binding(byte[] proof, long sequence, int savedHandle, int resetCount) {
    }

    private SavedContexts() {
    }

    public static byte[] seal(Binding binding, byte[] object) throws CryptoException {
        byte[] keyAndIv = keyAndIv(binding);
        byte[] encrypted = AesCfb.encrypt(Arrays.copyOf(keyAndIv, KEY_BITS / 8),
                Arrays.copyOfRange(keyAndIv, KEY_BITS / 8, keyAndIv.length), object);
        byte[] integrity = Hmac.compute(HASH, binding.proof(), header(binding), encrypted);
        return new TpmWriter(integrity.length + encrypted.length).writeBytes(integrity).writeBytes(encrypted)
                .toByteArray();
    }

    /** @throws TpmFormatException TPM_RC_INTEGRITY when the blob is not one this binding sealed */
    public static byte[] open(Binding binding, byte[] blob) throws TpmFormatException {
        if (blob.length < HASH.digestSize()) {
            throw new TpmFormatException(TpmRc.INTEGRITY, "context blob of " + blob.length + " bytes");
        }
        byte[] integrity = Arrays.copyOf(blob, HASH.digestSize());
        byte[] encrypted = Arrays.copyOfRange(blob, HASH.digestSize(), blob.length);
        if (!MessageDigest.isEqual(integrity, Hmac.compute(HASH, binding.proof(), header(binding), encrypted))) {
            throw new TpmFormatException(TpmRc.INTEGRITY, "context integrity check failed");
        }
        byte[] keyAndIv = keyAndIv(binding);
        try {
            return AesCfb.decrypt(Arrays.copyOf(keyAndIv, KEY_BITS / 8),
                    Arrays.copyOfRange(keyAndIv, KEY_BITS / 8, keyAndIv.length), encrypted);
        } catch (CryptoException e) {
            throw new TpmFormatException(TpmRc.INTEGRITY, "cannot decrypt the context: " + e.getMessage());
        }
    }

    private static byte[] header(Binding binding) {
        return new TpmWriter(16).writeU32(binding.resetCount()).writeU64(binding.sequence())
                .writeU32(binding.savedHandle()).toByteArray();
    }

    private static byte[] keyAndIv(Binding binding) {
        byte[] sequence = new TpmWriter(12).writeU64(binding.sequence()).writeU32(binding.savedHandle())
                .toByteArray();
        byte[] reset = new TpmWriter(4).writeU32(binding.resetCount()).toByteArray();
        return Kdfa.derive(HASH, binding.proof(), "CONTEXT", sequence, reset, KEY_BITS + IV_BITS);
    }
}
