package org.vtpm.bench.workload;

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
import org.vtpm.tpm.types.PublicKeyRsa;
import org.vtpm.tpm.types.RsaParms;
import org.vtpm.tpm.types.RsaScheme;
import org.vtpm.tpm.types.SchemeHash;
import org.vtpm.tpm.types.SymDefObject;

/**
 * The signing-key templates the workloads create primaries from: ECDSA P-256 and RSASSA-2048 with
 * SHA-256, unrestricted (TPM2_Sign on any digest) or restricted (attestation keys for TPM2_Quote).
 * A non-empty {@code unique} field makes a different key from the same seed, which is how a
 * workload defeats a primary-key cache.
 */
final class KeyTemplates {

    private static final int RSA_BITS = 2048;
    private static final ObjectAttributes SIGNING = ObjectAttributes.of(ObjectAttributes.FIXED_TPM,
            ObjectAttributes.FIXED_PARENT, ObjectAttributes.SENSITIVE_DATA_ORIGIN, ObjectAttributes.USER_WITH_AUTH,
            ObjectAttributes.NO_DA, ObjectAttributes.SIGN_ENCRYPT);
    private static final ObjectAttributes ATTESTATION = SIGNING.with(ObjectAttributes.RESTRICTED);

    private KeyTemplates() {
    }

    static Public ecc(boolean restricted, byte[] unique) {
        EccParameter x = new EccParameter(unique);
        return new Public(AlgId.ECC, AlgId.SHA256, restricted ? ATTESTATION : SIGNING, Digest.EMPTY,
                new EccParms(SymDefObject.NULL, new EccScheme(AlgId.ECDSA, new SchemeHash(AlgId.SHA256)),
                        EccCurve.NIST_P256, KdfScheme.NULL),
                new EccPoint(x, x));
    }

    static Public rsa(boolean restricted, byte[] unique) {
        return new Public(AlgId.RSA, AlgId.SHA256, restricted ? ATTESTATION : SIGNING, Digest.EMPTY,
                new RsaParms(SymDefObject.NULL, new RsaScheme(AlgId.RSASSA, new SchemeHash(AlgId.SHA256)), RSA_BITS, 0),
                new PublicKeyRsa(unique));
    }
}
