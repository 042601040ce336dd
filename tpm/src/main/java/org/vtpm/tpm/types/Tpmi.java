package org.vtpm.tpm.types;

import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.TpmValue;
import org.vtpm.tpm.wire.ValueCheck;

/**
 * The interface types (TPMI_, Part 2 clause 9) as {@link ValueCheck}s, named on components by
 * {@code @Check(Tpmi.AlgHash.class)}. The algorithm sets are the algorithms this library
 * implements; the response codes are those Part 2 gives for a value outside the type.
 */
public final class Tpmi {

    private Tpmi() {
    }

    /** The values {@code accepts} admits, the code for any other, and the null value. */
    abstract static class Values implements ValueCheck {
        private final IntPredicate accepts;
        private final TpmRc error;
        private final int nullValue;

        Values(IntPredicate accepts, TpmRc error, int nullValue) {
            this.accepts = accepts;
            this.error = error;
            this.nullValue = nullValue;
        }

        @Override
        public final boolean accepts(int value) {
            return accepts.test(value);
        }

        @Override
        public final TpmRc error() {
            return error;
        }

        @Override
        public final int nullValue() {
            return nullValue;
        }
    }

    /** A set of TPM_ALG_ID values, whose null value is TPM_ALG_NULL. */
    abstract static class Algorithms extends Values {
        Algorithms(TpmRc error, AlgId... allowed) {
            super(oneOf(allowed), error, AlgId.NULL.value());
        }
    }

    /** A set of handles, whose null value is TPM_RH_NULL; a handle outside it is TPM_RC_VALUE. */
    abstract static class Handles extends Values {
        Handles(IntPredicate allowed) {
            super(allowed, TpmRc.VALUE, Handle.RH_NULL.value());
        }

        static IntPredicate type(int hr) {
            return h -> (h & Hc.HR_RANGE_MASK) == hr;
        }
    }

    /** Structure tags; another is TPM_RC_TAG. */
    abstract static class Tag extends Values {
        Tag(St... tags) {
            super(oneOf(tags), TpmRc.TAG, St.NULL.value());
        }
    }

    private static IntPredicate oneOf(TpmValue... values) {
        int[] sorted = Arrays.stream(values).mapToInt(TpmValue::value).sorted().toArray();
        return value -> Arrays.binarySearch(sorted, value) >= 0;
    }

    private static AlgId[] hashes() {
        return Arrays.stream(HashAlgorithm.values()).map(h -> new AlgId(h.algId())).toArray(AlgId[]::new);
    }

    /** TPMI_ALG_HASH. */
    public static final class AlgHash extends Algorithms {
        public AlgHash() {
            super(TpmRc.HASH, hashes());
        }
    }

    /** TPMI_ALG_MAC_SCHEME: a hash for an HMAC, or a block cipher's MAC (CMAC). */
    public static final class AlgMacScheme extends Algorithms {
        public AlgMacScheme() {
            super(TpmRc.SYMMETRIC, Stream.concat(Arrays.stream(hashes()), Stream.of(AlgId.CMAC)).toArray(AlgId[]::new));
        }
    }

    /** TPMI_ALG_SYM: the symmetric algorithms of a session's parameter encryption. */
    public static final class AlgSym extends Algorithms {
        public AlgSym() {
            super(TpmRc.SYMMETRIC, AlgId.AES, AlgId.SM4, AlgId.CAMELLIA, AlgId.XOR);
        }
    }

    /** TPMI_ALG_SYM_OBJECT: the block ciphers of a symmetric or storage key. */
    public static final class AlgSymObject extends Algorithms {
        public AlgSymObject() {
            super(TpmRc.SYMMETRIC, AlgId.AES, AlgId.SM4, AlgId.CAMELLIA);
        }
    }

    /** TPMI_ALG_SYM_MODE. */
    public static final class AlgSymMode extends Algorithms {
        public AlgSymMode() {
            super(TpmRc.MODE, AlgId.CTR, AlgId.OFB, AlgId.CBC, AlgId.CFB, AlgId.ECB);
        }
    }

    /** TPMI_ALG_KDF. */
    public static final class AlgKdf extends Algorithms {
        public AlgKdf() {
            super(TpmRc.KDF, AlgId.MGF1, AlgId.KDF1_SP800_56A, AlgId.KDF2, AlgId.KDF1_SP800_108);
        }
    }

    /** TPMI_ALG_SIG_SCHEME. */
    public static final class AlgSigScheme extends Algorithms {
        public AlgSigScheme() {
            super(TpmRc.SCHEME, AlgId.HMAC, AlgId.RSASSA, AlgId.RSAPSS, AlgId.ECDSA, AlgId.ECDAA, AlgId.SM2,
                    AlgId.ECSCHNORR);
        }
    }

    /** TPMI_ALG_KEYEDHASH_SCHEME. */
    public static final class AlgKeyedHashScheme extends Algorithms {
        public AlgKeyedHashScheme() {
            super(TpmRc.VALUE, AlgId.HMAC, AlgId.XOR);
        }
    }

    /** TPMI_ALG_RSA_SCHEME. */
    public static final class AlgRsaScheme extends Algorithms {
        public AlgRsaScheme() {
            super(TpmRc.VALUE, AlgId.RSAES, AlgId.OAEP, AlgId.RSASSA, AlgId.RSAPSS);
        }
    }

    /** TPMI_ALG_RSA_DECRYPT. */
    public static final class AlgRsaDecrypt extends Algorithms {
        public AlgRsaDecrypt() {
            super(TpmRc.VALUE, AlgId.RSAES, AlgId.OAEP);
        }
    }

    /** TPMI_ALG_ECC_SCHEME. */
    public static final class AlgEccScheme extends Algorithms {
        public AlgEccScheme() {
            super(TpmRc.SCHEME, AlgId.ECDSA, AlgId.ECDAA, AlgId.SM2, AlgId.ECSCHNORR, AlgId.ECDH, AlgId.ECMQV);
        }
    }

    /** TPMI_ALG_PUBLIC. */
    public static final class AlgPublic extends Algorithms {
        public AlgPublic() {
            super(TpmRc.TYPE, AlgId.RSA, AlgId.KEYEDHASH, AlgId.ECC, AlgId.SYMCIPHER);
        }
    }

    /** TPMI_ECC_CURVE. */
    public static final class EccCurves extends Values {
        public EccCurves() {
            super(oneOf(EccCurve.NIST_P192, EccCurve.NIST_P224, EccCurve.NIST_P256, EccCurve.NIST_P384,
                    EccCurve.NIST_P521, EccCurve.BN_P256, EccCurve.BN_P638, EccCurve.SM2_P256),
                    TpmRc.CURVE, EccCurve.NONE.value());
        }
    }

    /** TPMI_ST_COMMAND_TAG. */
    public static final class StCommandTag extends Values {
        public StCommandTag() {
            super(oneOf(St.NO_SESSIONS, St.SESSIONS), TpmRc.BAD_TAG, St.NULL.value());
        }
    }

    /** The tag of TPMT_TK_CREATION. */
    public static final class CreationTag extends Tag {
        public CreationTag() {
            super(St.CREATION);
        }
    }

    /** The tag of TPMT_TK_VERIFIED. */
    public static final class VerifiedTag extends Tag {
        public VerifiedTag() {
            super(St.VERIFIED);
        }
    }

    /** The tag of TPMT_TK_HASHCHECK. */
    public static final class HashcheckTag extends Tag {
        public HashcheckTag() {
            super(St.HASHCHECK);
        }
    }

    /** The tag of TPMT_TK_AUTH: TPM_ST_AUTH_SECRET or TPM_ST_AUTH_SIGNED. */
    public static final class AuthTag extends Tag {
        public AuthTag() {
            super(St.AUTH_SECRET, St.AUTH_SIGNED);
        }
    }

    /** TPMI_RH_HIERARCHY. */
    public static final class RhHierarchy extends Handles {
        public RhHierarchy() {
            super(oneOf(Handle.RH_OWNER, Handle.RH_PLATFORM, Handle.RH_ENDORSEMENT));
        }
    }

    /** TPMI_RH_ENABLES. */
    public static final class RhEnables extends Handles {
        public RhEnables() {
            super(oneOf(Handle.RH_OWNER, Handle.RH_PLATFORM, Handle.RH_ENDORSEMENT, Handle.RH_PLATFORM_NV));
        }
    }

    /** TPMI_RH_HIERARCHY_AUTH. */
    public static final class RhHierarchyAuth extends Handles {
        public RhHierarchyAuth() {
            super(oneOf(Handle.RH_OWNER, Handle.RH_PLATFORM, Handle.RH_ENDORSEMENT, Handle.RH_LOCKOUT));
        }
    }

    /**
     * TPMI_RH_HIERARCHY_POLICY: the entities whose authPolicy TPM2_SetPrimaryPolicy sets. The
     * specification adds the ACT handles where ACTs are implemented; this library implements none.
     */
    public static final class RhHierarchyPolicy extends Handles {
        public RhHierarchyPolicy() {
            super(oneOf(Handle.RH_OWNER, Handle.RH_PLATFORM, Handle.RH_ENDORSEMENT, Handle.RH_LOCKOUT));
        }
    }

    /** TPMI_RH_PLATFORM. */
    public static final class RhPlatform extends Handles {
        public RhPlatform() {
            super(oneOf(Handle.RH_PLATFORM));
        }
    }

    /** TPMI_RH_ENDORSEMENT. */
    public static final class RhEndorsement extends Handles {
        public RhEndorsement() {
            super(oneOf(Handle.RH_ENDORSEMENT));
        }
    }

    /** TPMI_RH_PROVISION. */
    public static final class RhProvision extends Handles {
        public RhProvision() {
            super(oneOf(Handle.RH_OWNER, Handle.RH_PLATFORM));
        }
    }

    /** TPMI_RH_CLEAR. */
    public static final class RhClear extends Handles {
        public RhClear() {
            super(oneOf(Handle.RH_LOCKOUT, Handle.RH_PLATFORM));
        }
    }

    /** TPMI_RH_LOCKOUT. */
    public static final class RhLockout extends Handles {
        public RhLockout() {
            super(oneOf(Handle.RH_LOCKOUT));
        }
    }

    /** TPMI_RH_NV_AUTH. */
    public static final class RhNvAuth extends Handles {
        public RhNvAuth() {
            super(oneOf(Handle.RH_OWNER, Handle.RH_PLATFORM).or(type(Hc.HR_NV_INDEX)));
        }
    }

    /** TPMI_RH_NV_INDEX. */
    public static final class RhNvIndex extends Handles {
        public RhNvIndex() {
            super(type(Hc.HR_NV_INDEX));
        }
    }

    /** TPMI_DH_OBJECT: a transient or persistent object. */
    public static final class DhObject extends Handles {
        public DhObject() {
            super(type(Hc.HR_TRANSIENT).or(type(Hc.HR_PERSISTENT)));
        }
    }

    /** TPMI_DH_PARENT: an object or a hierarchy. */
    public static final class DhParent extends Handles {
        public DhParent() {
            super(type(Hc.HR_TRANSIENT).or(type(Hc.HR_PERSISTENT))
                    .or(oneOf(Handle.RH_OWNER, Handle.RH_PLATFORM, Handle.RH_ENDORSEMENT)));
        }
    }

    /** TPMI_DH_PERSISTENT. */
    public static final class DhPersistent extends Handles {
        public DhPersistent() {
            super(type(Hc.HR_PERSISTENT));
        }
    }

    /** TPMI_DH_ENTITY: anything that can be authorized. */
    public static final class DhEntity extends Handles {
        public DhEntity() {
            super(oneOf(Handle.RH_OWNER, Handle.RH_ENDORSEMENT, Handle.RH_PLATFORM, Handle.RH_LOCKOUT)
                    .or(h -> Integer.compareUnsigned(h, Handle.RH_AUTH_00.value()) >= 0
                            && Integer.compareUnsigned(h, Handle.RH_AUTH_FF.value()) <= 0)
                    .or(type(Hc.HR_TRANSIENT)).or(type(Hc.HR_PERSISTENT)).or(type(Hc.HR_NV_INDEX))
                    .or(h -> Integer.compareUnsigned(h, Hc.PCR_LAST) <= 0));
        }
    }

    /** TPMI_DH_PCR. */
    public static final class DhPcr extends Handles {
        public DhPcr() {
            super(h -> Integer.compareUnsigned(h, Hc.PCR_LAST) <= 0);
        }
    }

    /** TPMI_DH_CONTEXT: a session or transient object whose context can be saved or flushed. */
    public static final class DhContext extends Handles {
        public DhContext() {
            super(type(Hc.HR_HMAC_SESSION).or(type(Hc.HR_POLICY_SESSION)).or(type(Hc.HR_TRANSIENT)));
        }
    }

    /** TPMI_DH_SAVED: what a TPMS_CONTEXT may restore. */
    public static final class DhSaved extends Handles {
        public DhSaved() {
            super(type(Hc.HR_HMAC_SESSION).or(type(Hc.HR_POLICY_SESSION))
                    .or(oneOf(new Handle(0x8000_0000), new Handle(0x8000_0001), new Handle(0x8000_0002))));
        }
    }

    /** TPMI_SH_AUTH_SESSION: an HMAC or policy session, or TPM_RS_PW. */
    public static final class ShAuthSession extends Handles {
        public ShAuthSession() {
            super(type(Hc.HR_HMAC_SESSION).or(type(Hc.HR_POLICY_SESSION)).or(oneOf(Handle.RS_PW)));
        }
    }

    /** TPMI_SH_HMAC. */
    public static final class ShHmac extends Handles {
        public ShHmac() {
            super(type(Hc.HR_HMAC_SESSION));
        }
    }

    /** TPMI_SH_POLICY. */
    public static final class ShPolicy extends Handles {
        public ShPolicy() {
            super(type(Hc.HR_POLICY_SESSION));
        }
    }

    /** TPMI_RSA_KEY_BITS. */
    public static final class RsaKeyBits extends Values {
        public RsaKeyBits() {
            super(v -> v == 1024 || v == 2048 || v == 3072 || v == 4096, TpmRc.VALUE, 0);
        }
    }

    /** A closed enumeration: any value it does not list is TPM_RC_VALUE. */
    abstract static class Enumeration extends Values {
        Enumeration(IntPredicate allowed) {
            super(allowed, TpmRc.VALUE, -1);
        }
    }

    /** TPM_SU: TPM_SU_CLEAR or TPM_SU_STATE. */
    public static final class SuValues extends Enumeration {
        public SuValues() {
            super(v -> v == Su.CLEAR.value() || v == Su.STATE.value());
        }
    }

    /** TPM_CLOCK_ADJUST: an INT8 from -3 (coarse slower) to 3 (coarse faster), as its byte. */
    public static final class ClockAdjustValues extends Enumeration {
        public ClockAdjustValues() {
            super(v -> (byte) v >= -3 && (byte) v <= 3 && (v & ~0xFF) == 0);
        }
    }

    /** TPM_SE: HMAC, policy or trial. */
    public static final class SeValues extends Enumeration {
        public SeValues() {
            super(v -> v == Se.HMAC.value() || v == Se.POLICY.value() || v == Se.TRIAL.value());
        }
    }

    /** TPM_CAP: the defined capability groups and the vendor group. */
    public static final class CapValues extends Enumeration {
        public CapValues() {
            super(v -> (v >= Cap.ALGS.value() && v <= Cap.ACT.value()) || v == Cap.VENDOR_PROPERTY.value());
        }
    }

    /** TPM_EO: the defined comparisons. */
    public static final class EoValues extends Enumeration {
        public EoValues() {
            super(v -> v >= Eo.EQ.value() && v <= Eo.BITCLEAR.value());
        }
    }
}
