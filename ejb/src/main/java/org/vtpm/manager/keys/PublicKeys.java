package org.vtpm.manager.keys;

import java.io.IOException;
import java.math.BigInteger;

import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.EccCurve;
import org.vtpm.tpm.types.EccParms;
import org.vtpm.tpm.types.EccPoint;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.PublicKeyRsa;
import org.vtpm.tpm.types.RsaParms;

/** A TPM public area (TPMT_PUBLIC) as the SubjectPublicKeyInfo a certificate carries. */
final class PublicKeys {

    private static final int P256_COORDINATE_BYTES = 32;
    private static final BigInteger DEFAULT_RSA_EXPONENT = BigInteger.valueOf(65537);

    private PublicKeys() {
    }

    /** @throws IllegalArgumentException for keys other than RSA and ECC NIST P-256 */
    static SubjectPublicKeyInfo subjectPublicKeyInfo(Public key) {
        if (key.type().equals(AlgId.RSA)) {
            RsaParms parameters = (RsaParms) key.parameters();
            BigInteger exponent = parameters.exponent() == 0 ? DEFAULT_RSA_EXPONENT
                    : BigInteger.valueOf(Integer.toUnsignedLong(parameters.exponent()));
            BigInteger modulus = new BigInteger(1, ((PublicKeyRsa) key.unique()).buffer());
            try {
                return new SubjectPublicKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption,
                        DERNull.INSTANCE), new RSAPublicKey(modulus, exponent));
            } catch (IOException e) {
                throw new IllegalStateException("an RSA public key cannot be DER-encoded", e);
            }
        }
        if (key.type().equals(AlgId.ECC) && ((EccParms) key.parameters()).curveID().equals(EccCurve.NIST_P256)) {
            EccPoint point = (EccPoint) key.unique();
            byte[] encoded = new byte[1 + 2 * P256_COORDINATE_BYTES];
            encoded[0] = 0x04;
            copyPadded(point.x().buffer(), encoded, 1);
            copyPadded(point.y().buffer(), encoded, 1 + P256_COORDINATE_BYTES);
            return new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey,
                    SECObjectIdentifiers.secp256r1), encoded);
        }
        throw new IllegalArgumentException("only RSA and ECC NIST P-256 keys are certified, not " + key.type());
    }

    private static void copyPadded(byte[] coordinate, byte[] target, int offset) {
        if (coordinate.length > P256_COORDINATE_BYTES) {
            throw new IllegalArgumentException("a P-256 coordinate of " + coordinate.length + " bytes");
        }
        System.arraycopy(coordinate, 0, target, offset + P256_COORDINATE_BYTES - coordinate.length, coordinate.length);
    }

    static boolean isRsa(Public key) {
        return key.type().equals(AlgId.RSA);
    }
}
