package org.vtpm.tpm.engine.keys;

import java.math.BigInteger;
import java.util.function.IntFunction;

import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.vtpm.tpm.crypto.CryptoException;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.crypto.RsaOaep;
import org.vtpm.tpm.types.AlgId;

/**
 * RSA encryption by the schemes of TPM2_RSA_Encrypt and TPM2_RSA_Decrypt (Part 1, annex B.4):
 * RSAES-OAEP with a label, RSAES-PKCS1-v1_5, and the raw primitive (TPM_ALG_NULL), whose message
 * is taken as a big-endian number below the modulus and whose output keeps leading zeros.
 */
public final class RsaEncryption {

    /** A resolved scheme: OAEP (with its hash), RSAES, or NULL. */
    public record Scheme(AlgId algorithm, HashAlgorithm hash) {
    }

    private RsaEncryption() {
    }

    /** @throws CryptoException VALUE for a message the scheme cannot carry under this key */
    public static byte[] encrypt(RSAKeyParameters key, Scheme scheme, byte[] label, byte[] message,
            IntFunction<byte[]> random) throws CryptoException {
        int size = modulusSize(key);
        if (scheme.algorithm().equals(AlgId.OAEP)) {
            return RsaOaep.encrypt(key, scheme.hash(), label, message, RandomBytes.secureRandom(random));
        }
        if (scheme.algorithm().equals(AlgId.RSAES)) {
            PKCS1Encoding pkcs1 = new PKCS1Encoding(new RSABlindedEngine());
            pkcs1.init(true, new ParametersWithRandom(key, RandomBytes.secureRandom(random)));
            if (message.length > pkcs1.getInputBlockSize()) {
                throw new CryptoException(CryptoException.Reason.VALUE, "message too long for RSAES");
            }
            return process(pkcs1, message);
        }
        if (message.length > size || new BigInteger(1, message).compareTo(key.getModulus()) >= 0) {
            throw new CryptoException(CryptoException.Reason.VALUE, "message not below the modulus");
        }
        RSABlindedEngine raw = new RSABlindedEngine();
        raw.init(true, key);
        return Sizes.unsigned(new BigInteger(1, process(raw, message)), size);
    }

    /**
     * @throws CryptoException SIZE for a ciphertext not as long as the modulus, VALUE when it does not
     *     decode (one reason for every padding failure, so it is no oracle)
     */
    public static byte[] decrypt(RSAKeyParameters privateKey, Scheme scheme, byte[] label, byte[] cipherText)
            throws CryptoException {
        int size = modulusSize(privateKey);
        if (cipherText.length != size) {
            throw new CryptoException(CryptoException.Reason.SIZE, "ciphertext of " + cipherText.length + " bytes");
        }
        if (scheme.algorithm().equals(AlgId.OAEP)) {
            return RsaOaep.decrypt(privateKey, scheme.hash(), label, cipherText);
        }
        if (new BigInteger(1, cipherText).compareTo(privateKey.getModulus()) >= 0) {
            throw new CryptoException(CryptoException.Reason.VALUE, "ciphertext not below the modulus");
        }
        if (scheme.algorithm().equals(AlgId.RSAES)) {
            PKCS1Encoding pkcs1 = new PKCS1Encoding(new RSABlindedEngine());
            pkcs1.init(false, privateKey);
            return process(pkcs1, cipherText);
        }
        RSABlindedEngine raw = new RSABlindedEngine();
        raw.init(false, privateKey);
        return Sizes.unsigned(new BigInteger(1, process(raw, cipherText)), size);
    }

    private static byte[] process(AsymmetricBlockCipher cipher, byte[] input) throws CryptoException {
        try {
            return cipher.processBlock(input, 0, input.length);
        } catch (InvalidCipherTextException | DataLengthException e) {
            throw new CryptoException(CryptoException.Reason.VALUE, "RSA decoding failed");
        }
    }

    private static int modulusSize(RSAKeyParameters key) {
        return (key.getModulus().bitLength() + 7) / 8;
    }
}
