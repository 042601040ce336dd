package org.vtpm.tpm.crypto;

import java.security.SecureRandom;

import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.encodings.OAEPEncoding;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;

/**
 * RSAES-OAEP (PKCS #1 v2.2) as the TPM uses it: the same hash for OAEP and MGF1 (the key's name
 * algorithm), and a label such as {@link OaepLabel#SECRET} including its terminating zero.
 */
public final class RsaOaep {

    private RsaOaep() {
    }

    public static byte[] encrypt(RSAKeyParameters publicKey, HashAlgorithm algorithm, OaepLabel label,
            byte[] message, SecureRandom random) throws CryptoException {
        return encrypt(publicKey, algorithm, label.bytes(), message, random);
    }

    public static byte[] decrypt(RSAKeyParameters privateKey, HashAlgorithm algorithm, OaepLabel label,
            byte[] ciphertext) throws CryptoException {
        return decrypt(privateKey, algorithm, label.bytes(), ciphertext);
    }

    /** Encrypts with an arbitrary label, as TPM2_RSA_Encrypt allows; {@code label} is used as given. */
    public static byte[] encrypt(RSAKeyParameters publicKey, HashAlgorithm algorithm, byte[] label, byte[] message,
            SecureRandom random) throws CryptoException {
        if (publicKey.isPrivate()) {
            throw new IllegalArgumentException("encryption needs the public key");
        }
        OAEPEncoding oaep = oaep(algorithm, label);
        oaep.init(true, new ParametersWithRandom(publicKey, random));
        if (message.length > oaep.getInputBlockSize()) {
            throw new CryptoException(CryptoException.Reason.VALUE, "message of " + message.length
                    + " bytes exceeds the OAEP capacity of " + oaep.getInputBlockSize());
        }
        try {
            return oaep.processBlock(message, 0, message.length);
        } catch (InvalidCipherTextException | DataLengthException e) {
            throw new CryptoException(CryptoException.Reason.VALUE, "OAEP encryption failed", e);
        }
    }

    /** Decrypts with an arbitrary label; the ciphertext must be exactly as long as the modulus. */
    public static byte[] decrypt(RSAKeyParameters privateKey, HashAlgorithm algorithm, byte[] label,
            byte[] ciphertext) throws CryptoException {
        if (!privateKey.isPrivate()) {
            throw new IllegalArgumentException("decryption needs the private key");
        }
        int modulusBytes = (privateKey.getModulus().bitLength() + 7) / 8;
        if (ciphertext.length != modulusBytes) {
            throw new CryptoException(CryptoException.Reason.SIZE, "ciphertext of " + ciphertext.length
                    + " bytes for a " + modulusBytes + "-byte modulus");
        }
        OAEPEncoding oaep = oaep(algorithm, label);
        oaep.init(false, privateKey);
        try {
            return oaep.processBlock(ciphertext, 0, ciphertext.length);
        } catch (InvalidCipherTextException | DataLengthException e) {
            // One reason for every decoding failure: telling them apart would be an oracle.
            throw new CryptoException(CryptoException.Reason.VALUE, "OAEP decryption failed");
        }
    }

    private static OAEPEncoding oaep(HashAlgorithm algorithm, byte[] label) {
        return new OAEPEncoding(new RSABlindedEngine(), algorithm.newDigest(), algorithm.newDigest(), label.clone());
    }
}
