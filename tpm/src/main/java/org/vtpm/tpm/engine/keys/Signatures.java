package org.vtpm.tpm.engine.keys;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.crypto.Hmac;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.EccParameter;
import org.vtpm.tpm.types.Ha;
import org.vtpm.tpm.types.PublicKeyRsa;
import org.vtpm.tpm.types.Signature;
import org.vtpm.tpm.types.SignatureEcc;
import org.vtpm.tpm.types.SignatureRsa;
import org.vtpm.tpm.wire.Bytes;

/**
 * Signing and verifying digests with Bouncy Castle's lightweight API: RSASSA-PKCS1-v1_5, RSASSA-PSS
 * (salt as long as the digest), ECDSA with RFC 6979 nonces, and HMAC for keyed-hash keys.
 */
public final class Signatures {

    private Signatures() {
    }

    /**
     * Signs {@code digest}.
     *
     * @param salt random bytes for RSASSA-PSS (at least the digest's length); unused otherwise
     */
    public static Signature sign(AlgId scheme, HashAlgorithm hash, AsymmetricKeyParameter key, byte[] digest,
            byte[] salt) throws CryptoException {
        AlgId hashId = new AlgId(hash.algId());
        if (scheme.equals(AlgId.ECDSA)) {
            ECPrivateKeyParameters ec = (ECPrivateKeyParameters) key;
            ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(hash.newDigest()));
            signer.init(true, ec);
            BigInteger[] rs = signer.generateSignature(digest);
            int size = (ec.getParameters().getN().bitLength() + 7) / 8;
            return new Signature(scheme, new SignatureEcc(hashId, new EccParameter(Sizes.unsigned(rs[0], size)),
                    new EccParameter(Sizes.unsigned(rs[1], size))));
        }
        RSAKeyParameters rsa = (RSAKeyParameters) key;
        int size = (rsa.getModulus().bitLength() + 7) / 8;
        byte[] signature;
        if (scheme.equals(AlgId.RSASSA)) {
            PKCS1Encoding pkcs1 = new PKCS1Encoding(new RSABlindedEngine());
            pkcs1.init(true, rsa);
            byte[] info = digestInfo(hash, digest);
            try {
                signature = pkcs1.processBlock(info, 0, info.length);
            } catch (InvalidCipherTextException e) {
                throw new CryptoException("RSASSA: " + e.getMessage(), e);
            }
        } else {
            PSSSigner pss = PSSSigner.createRawSigner(new RSABlindedEngine(), hash.newDigest(), hash.newDigest(),
                    Arrays.copyOf(salt, hash.digestSize()), PSSSigner.TRAILER_IMPLICIT);
            pss.init(true, rsa);
            pss.update(digest, 0, digest.length);
            signature = pss.generateSignature();
        }
        return new Signature(scheme, new SignatureRsa(hashId, new PublicKeyRsa(Sizes.unsigned(
                new BigInteger(1, signature), size))));
    }

    /** Whether {@code signature} is a valid signature of {@code digest} by {@code key}. */
    public static boolean verify(AsymmetricKeyParameter key, byte[] digest, Signature signature) {
        AlgId scheme = signature.sigAlg();
        if (scheme.equals(AlgId.ECDSA) && key instanceof ECKeyParameters ec
                && signature.signature() instanceof SignatureEcc sig) {
            ECDSASigner verifier = new ECDSASigner();
            verifier.init(false, ec);
            return verifier.verifySignature(digest, new BigInteger(1, sig.signatureR().buffer()),
                    new BigInteger(1, sig.signatureS().buffer()));
        }
        if (!(key instanceof RSAKeyParameters rsa) || !(signature.signature() instanceof SignatureRsa sig)) {
            return false;
        }
        HashAlgorithm hash = HashAlgorithm.fromAlgId(sig.hash().value()).orElse(null);
        if (hash == null || digest.length != hash.digestSize()) {
            return false;
        }
        byte[] value = sig.sig().buffer();
        if (scheme.equals(AlgId.RSASSA)) {
            PKCS1Encoding pkcs1 = new PKCS1Encoding(new RSABlindedEngine());
            pkcs1.init(false, rsa);
            try {
                return Arrays.equals(digestInfo(hash, digest), pkcs1.processBlock(value, 0, value.length));
            } catch (CryptoException | RuntimeException e) {
                return false;
            }
        }
        if (scheme.equals(AlgId.RSAPSS)) {
            PSSSigner pss = PSSSigner.createRawSigner(new RSABlindedEngine(), hash.newDigest(), hash.newDigest(),
                    hash.digestSize(), PSSSigner.TRAILER_IMPLICIT);
            pss.init(false, rsa);
            pss.update(digest, 0, digest.length);
            try {
                return pss.verifySignature(value);
            } catch (RuntimeException e) {
                return false;
            }
        }
        return false;
    }

    /** An HMAC "signature" by a keyed-hash key (Part 1, 11.4.4). */
    public static Signature hmac(HashAlgorithm hash, byte[] key, byte[] digest) {
        return new Signature(AlgId.HMAC, new Ha(new AlgId(hash.algId()), Bytes.of(Hmac.compute(hash, key, digest))));
    }

    private static byte[] digestInfo(HashAlgorithm hash, byte[] digest) throws CryptoException {
        ASN1ObjectIdentifier oid = switch (hash) {
            case SHA1 -> OIWObjectIdentifiers.idSHA1;
            case SHA256 -> NISTObjectIdentifiers.id_sha256;
            case SHA384 -> NISTObjectIdentifiers.id_sha384;
            case SHA512 -> NISTObjectIdentifiers.id_sha512;
            default -> throw new CryptoException("no DigestInfo for " + hash);
        };
        try {
            return new DigestInfo(new AlgorithmIdentifier(oid, DERNull.INSTANCE), digest).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new CryptoException("DigestInfo: " + e.getMessage(), e);
        }
    }
}
