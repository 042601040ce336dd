package org.vtpm.tpm.types;

import org.vtpm.tpm.crypto.HashAlgorithm;

/**
 * The Endorsement Key templates of the TCG EK Credential Profile for TPM Family 2.0 (Annex B),
 * with the NV index where each EK's certificate is stored. All are restricted decryption
 * (storage) keys with adminWithPolicy; the high-range ones also allow userWithAuth and have an
 * empty unique field.
 */
public enum EkTemplate {
    /** L-1: RSA 2048, low range. */
    L1(0x01C0_0002, Kind.RSA, 2048, EccCurve.NONE, HashAlgorithm.SHA256, AlgId.AES, 128, true),
    /** L-2: ECC NIST P-256, low range. */
    L2(0x01C0_000A, Kind.ECC, 0, EccCurve.NIST_P256, HashAlgorithm.SHA256, AlgId.AES, 128, true),
    /** H-1: RSA 2048. */
    H1(0x01C0_0012, Kind.RSA, 2048, EccCurve.NONE, HashAlgorithm.SHA256, AlgId.AES, 128, false),
    /** H-2: ECC NIST P-256. */
    H2(0x01C0_0014, Kind.ECC, 0, EccCurve.NIST_P256, HashAlgorithm.SHA256, AlgId.AES, 128, false),
    /** H-3: ECC NIST P-384. */
    H3(0x01C0_0016, Kind.ECC, 0, EccCurve.NIST_P384, HashAlgorithm.SHA384, AlgId.AES, 256, false),
    /** H-4: ECC NIST P-521. */
    H4(0x01C0_0018, Kind.ECC, 0, EccCurve.NIST_P521, HashAlgorithm.SHA512, AlgId.AES, 256, false),
    /** H-5: ECC SM2 P-256. */
    H5(0x01C0_001A, Kind.ECC, 0, EccCurve.SM2_P256, HashAlgorithm.SM3_256, AlgId.SM4, 128, false),
    /** H-6: RSA 3072. */
    H6(0x01C0_001C, Kind.RSA, 3072, EccCurve.NONE, HashAlgorithm.SHA384, AlgId.AES, 256, false),
    /** H-7: RSA 4096. */
    H7(0x01C0_001E, Kind.RSA, 4096, EccCurve.NONE, HashAlgorithm.SHA384, AlgId.AES, 256, false);

    private enum Kind { RSA, ECC }

    private static final ObjectAttributes COMMON = ObjectAttributes.of(ObjectAttributes.FIXED_TPM,
            ObjectAttributes.FIXED_PARENT, ObjectAttributes.SENSITIVE_DATA_ORIGIN, ObjectAttributes.ADMIN_WITH_POLICY,
            ObjectAttributes.RESTRICTED, ObjectAttributes.DECRYPT);

    private final Handle certificateIndex;
    private final Kind kind;
    private final int rsaKeyBits;
    private final EccCurve curve;
    private final HashAlgorithm nameAlg;
    private final AlgId symmetric;
    private final int symmetricKeyBits;
    private final boolean lowRange;

    EkTemplate(int certificateIndex, Kind kind, int rsaKeyBits, EccCurve curve, HashAlgorithm nameAlg,
            AlgId symmetric, int symmetricKeyBits, boolean lowRange) {
        this.certificateIndex = new Handle(certificateIndex);
        this.kind = kind;
        this.rsaKeyBits = rsaKeyBits;
        this.curve = curve;
        this.nameAlg = nameAlg;
        this.symmetric = symmetric;
        this.symmetricKeyBits = symmetricKeyBits;
        this.lowRange = lowRange;
    }

    /** The NV index that holds this EK's certificate. */
    public Handle certificateIndex() {
        return certificateIndex;
    }

    public boolean isLowRange() {
        return lowRange;
    }

    /** The template for TPM2_CreatePrimary under TPM_RH_ENDORSEMENT. */
    public Public template() {
        ObjectAttributes attributes = lowRange ? COMMON : COMMON.with(ObjectAttributes.USER_WITH_AUTH);
        Digest policy = lowRange ? EkPolicies.policyA(nameAlg) : EkPolicies.policyB(nameAlg);
        SymDefObject sym = new SymDefObject(symmetric, new KeyBits(symmetricKeyBits), new SymModeAlg(AlgId.CFB));
        AlgId alg = new AlgId(nameAlg.algId());
        if (kind == Kind.RSA) {
            PublicKeyRsa unique = lowRange ? new PublicKeyRsa(new byte[rsaKeyBits / 8]) : PublicKeyRsa.EMPTY;
            return new Public(AlgId.RSA, alg, attributes, policy, new RsaParms(sym, RsaScheme.NULL, rsaKeyBits, 0),
                    unique);
        }
        EccParameter coordinate = lowRange ? new EccParameter(new byte[32]) : EccParameter.EMPTY;
        return new Public(AlgId.ECC, alg, attributes, policy,
                new EccParms(sym, EccScheme.NULL, curve, KdfScheme.NULL), new EccPoint(coordinate, coordinate));
    }
}
