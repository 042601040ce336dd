package org.vtpm.manager.attest;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.EccCurve;
import org.vtpm.tpm.types.EccParameter;
import org.vtpm.tpm.types.EccParms;
import org.vtpm.tpm.types.EccPoint;
import org.vtpm.tpm.types.EccScheme;
import org.vtpm.tpm.types.KdfScheme;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.SchemeHash;
import org.vtpm.tpm.types.SymDefObject;

/**
 * ECC NIST P-256 keys between the TPM's form (TPMT_PUBLIC) and the certificate's
 * (SubjectPublicKeyInfo). Every key of this package is P-256: the vTPM and host attestation keys
 * and the manager CA key.
 */
final class EccKeys {

    private static final int COORDINATE_BYTES = 32;
    private static final X9ECParameters P256 = CustomNamedCurves.getByName("P-256");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(P256);

    private EccKeys() {
    }

    /** @throws IllegalArgumentException for a key that is not ECC P-256 or whose point is not on the curve */
    static SubjectPublicKeyInfo subjectPublicKeyInfo(Public key) {
        if (!key.type().equals(AlgId.ECC) || !(key.parameters() instanceof EccParms parms)
                || !parms.curveID().equals(EccCurve.NIST_P256) || !(key.unique() instanceof EccPoint point)) {
            throw new IllegalArgumentException("not an ECC NIST P-256 key: " + key.type());
        }
        ECPoint q = P256.getCurve().validatePoint(new BigInteger(1, point.x().buffer()),
                new BigInteger(1, point.y().buffer()));
        try {
            return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(new ECPublicKeyParameters(q, DOMAIN));
        } catch (IOException e) {
            throw new IllegalStateException("a P-256 public key cannot be DER-encoded", e);
        }
    }

    /**
     * The public area of an unrestricted ECDSA-SHA256 P-256 signing key with the certificate's
     * public key: how the TPM-format verifier of the attestation library sees the manager CA.
     */
    static Public signingKey(X509Certificate certificate) {
        AsymmetricKeyParameter key;
        try {
            key = PublicKeyFactory.createKey(SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded()));
        } catch (IOException e) {
            throw new IllegalStateException("the manager CA certificate's key cannot be read", e);
        }
        if (!(key instanceof ECPublicKeyParameters ec) || !ec.getParameters().getCurve().equals(P256.getCurve())) {
            throw new IllegalStateException("the manager CA key is not ECC P-256");
        }
        ECPoint q = ec.getQ().normalize();
        return new Public(AlgId.ECC, AlgId.SHA256, ObjectAttributes.of(ObjectAttributes.SIGN_ENCRYPT), Digest.EMPTY,
                new EccParms(SymDefObject.NULL, new EccScheme(AlgId.ECDSA, new SchemeHash(AlgId.SHA256)),
                        EccCurve.NIST_P256, KdfScheme.NULL),
                new EccPoint(coordinate(q.getAffineXCoord().toBigInteger()),
                        coordinate(q.getAffineYCoord().toBigInteger())));
    }

    private static EccParameter coordinate(BigInteger value) {
        return new EccParameter(BigIntegers.asUnsignedByteArray(COORDINATE_BYTES, value));
    }
}
