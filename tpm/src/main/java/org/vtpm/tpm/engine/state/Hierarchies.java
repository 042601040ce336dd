package org.vtpm.tpm.engine.state;

import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.TpmLimits;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmReader;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * The four hierarchies (platform, storage/owner, endorsement, null) and the lockout entity: their
 * primary seeds and proof values, authorization values and policies, enables, and whether
 * TPM2_Clear is disabled.
 *
 * <p>Seeds and proofs of the persistent hierarchies are made once at manufacture; the null seed and
 * proof are new at every TPM Reset, so nothing created under the null hierarchy outlives a boot.
 */
public final class Hierarchies {

    /** Large enough for KDFa with SHA-384 at full strength. */
    public static final int SEED_SIZE = 48;
    public static final int PROOF_SIZE = 48;
    /** The section layout: 2 added disableClear at the end; layout 1 has none (Clear was not implemented then). */
    public static final int VERSION = 2;

    private static final int PLATFORM = 0;
    private static final int OWNER = 1;
    private static final int ENDORSEMENT = 2;
    private static final int NULL = 3;
    private static final int LOCKOUT = 3;

    private final byte[][] seeds;
    private final byte[][] proofs;
    /** Indexed PLATFORM, OWNER, ENDORSEMENT, LOCKOUT. */
    private final byte[][] authValues;
    private final int[] policyAlgs;
    private final byte[][] policies;
    private boolean phEnable;
    private boolean shEnable;
    private boolean ehEnable;
    private boolean phEnableNv;
    private boolean disableClear;

    private Hierarchies(byte[][] seeds, byte[][] proofs, byte[][] authValues, int[] policyAlgs, byte[][] policies,
            boolean phEnable, boolean shEnable, boolean ehEnable, boolean phEnableNv) {
        this.seeds = seeds;
        this.proofs = proofs;
        this.authValues = authValues;
        this.policyAlgs = policyAlgs;
        this.policies = policies;
        this.phEnable = phEnable;
        this.shEnable = shEnable;
        this.ehEnable = ehEnable;
        this.phEnableNv = phEnableNv;
    }

    public static Hierarchies manufacture(RandomSource random) {
        byte[][] seeds = new byte[4][];
        byte[][] proofs = new byte[4][];
        for (int h = 0; h < 4; h++) {
            seeds[h] = random.generate(SEED_SIZE);
            proofs[h] = random.generate(PROOF_SIZE);
        }
        byte[][] empty = {new byte[0], new byte[0], new byte[0], new byte[0]};
        byte[][] noPolicies = {new byte[0], new byte[0], new byte[0], new byte[0]};
        int[] nullAlgs = {AlgId.NULL.value(), AlgId.NULL.value(), AlgId.NULL.value(), AlgId.NULL.value()};
        return new Hierarchies(seeds, proofs, empty, nullAlgs, noPolicies, true, true, true, true);
    }

    /** TPM Reset: a new null hierarchy, then what every Startup(CLEAR) does. */
    public void reset(RandomSource random) {
        seeds[NULL] = random.generate(SEED_SIZE);
        proofs[NULL] = random.generate(PROOF_SIZE);
        restart();
    }

    /** Startup(CLEAR) after Shutdown(STATE): hierarchies enabled again, platform authorization cleared. */
    public void restart() {
        phEnable = true;
        shEnable = true;
        ehEnable = true;
        phEnableNv = true;
        authValues[PLATFORM] = new byte[0];
        policyAlgs[PLATFORM] = AlgId.NULL.value();
        policies[PLATFORM] = new byte[0];
    }

    /**
     * TPM2_Clear: a new storage seed, new storage and endorsement proofs (so their tickets and
     * saved contexts are void), both hierarchies enabled, and the owner, endorsement and lockout
     * authValues and policies empty.
     */
    public void clear(RandomSource random) {
        seeds[OWNER] = random.generate(SEED_SIZE);
        proofs[OWNER] = random.generate(PROOF_SIZE);
        proofs[ENDORSEMENT] = random.generate(PROOF_SIZE);
        shEnable = true;
        ehEnable = true;
        for (int index : new int[] {OWNER, ENDORSEMENT, LOCKOUT}) {
            authValues[index] = new byte[0];
            policyAlgs[index] = AlgId.NULL.value();
            policies[index] = new byte[0];
        }
    }

    /** TPM2_ChangeEPS: a new endorsement seed and proof; the hierarchy enabled, its authValue and policy empty. */
    public void changeEndorsementSeed(RandomSource random) {
        seeds[ENDORSEMENT] = random.generate(SEED_SIZE);
        proofs[ENDORSEMENT] = random.generate(PROOF_SIZE);
        ehEnable = true;
        authValues[ENDORSEMENT] = new byte[0];
        policyAlgs[ENDORSEMENT] = AlgId.NULL.value();
        policies[ENDORSEMENT] = new byte[0];
    }

    /** TPM2_ChangePPS: a new platform seed and proof, and no platform policy. */
    public void changePlatformSeed(RandomSource random) {
        seeds[PLATFORM] = random.generate(SEED_SIZE);
        proofs[PLATFORM] = random.generate(PROOF_SIZE);
        policyAlgs[PLATFORM] = AlgId.NULL.value();
        policies[PLATFORM] = new byte[0];
    }

    /** TPM2_HierarchyChangeAuth of TPM_RH_PLATFORM, _OWNER, _ENDORSEMENT or _LOCKOUT. */
    public void changeAuth(Handle entity, byte[] authValue) {
        authValues[authIndex(entity)] = authValue.clone();
    }

    /** TPM2_SetPrimaryPolicy: TPM_ALG_NULL with an empty digest removes the policy. */
    public void setPolicy(Handle entity, int hashAlg, byte[] policy) {
        int index = authIndex(entity);
        policyAlgs[index] = hashAlg;
        policies[index] = policy.clone();
    }

    /**
     * TPM2_HierarchyControl: enables or disables TPM_RH_PLATFORM, _OWNER or _ENDORSEMENT, or
     * (TPM_RH_PLATFORM_NV) the platform's NV indices.
     */
    public void setEnabled(Handle enable, boolean state) {
        if (enable.equals(Handle.RH_PLATFORM_NV)) {
            phEnableNv = state;
        } else if (enable.equals(Handle.RH_PLATFORM)) {
            phEnable = state;
        } else if (enable.equals(Handle.RH_OWNER)) {
            shEnable = state;
        } else if (enable.equals(Handle.RH_ENDORSEMENT)) {
            ehEnable = state;
        } else {
            throw new IllegalArgumentException(enable + " is not a hierarchy enable");
        }
    }

    /** TPMA_PERMANENT.disableClear: set by TPM2_ClearControl, it refuses TPM2_Clear. */
    public boolean disableClear() {
        return disableClear;
    }

    public void disableClear(boolean disable) {
        disableClear = disable;
    }

    /** The proof of a hierarchy handle (TPM_RH_NULL included), for tickets and context integrity. */
    public byte[] proof(Handle hierarchy) {
        return proofs[hierarchyIndex(hierarchy)].clone();
    }

    /** The primary seed of a hierarchy handle (TPM_RH_NULL included). */
    public byte[] seed(Handle hierarchy) {
        return seeds[hierarchyIndex(hierarchy)].clone();
    }

    /** Whether commands may use the hierarchy (TPM_RH_NULL is always enabled). */
    public boolean isEnabled(Handle hierarchy) {
        if (hierarchy.equals(Handle.RH_PLATFORM)) {
            return phEnable;
        }
        if (hierarchy.equals(Handle.RH_OWNER)) {
            return shEnable;
        }
        if (hierarchy.equals(Handle.RH_ENDORSEMENT)) {
            return ehEnable;
        }
        return true;
    }

    public boolean phEnableNv() {
        return phEnableNv;
    }

    /** The authValue of TPM_RH_PLATFORM, _OWNER, _ENDORSEMENT or _LOCKOUT (empty for TPM_RH_NULL). */
    public byte[] authValue(Handle entity) {
        int index = authIndex(entity);
        return index < 0 ? new byte[0] : authValues[index].clone();
    }

    /** The policy of an entity as TPMT_HA parts: its hash algorithm (TPM_ALG_NULL when none) and digest. */
    public int policyAlg(Handle entity) {
        int index = authIndex(entity);
        return index < 0 ? AlgId.NULL.value() : policyAlgs[index];
    }

    public byte[] policy(Handle entity) {
        int index = authIndex(entity);
        return index < 0 ? new byte[0] : policies[index].clone();
    }

    private static int hierarchyIndex(Handle hierarchy) {
        if (hierarchy.equals(Handle.RH_PLATFORM)) {
            return PLATFORM;
        }
        if (hierarchy.equals(Handle.RH_OWNER)) {
            return OWNER;
        }
        if (hierarchy.equals(Handle.RH_ENDORSEMENT)) {
            return ENDORSEMENT;
        }
        if (hierarchy.equals(Handle.RH_NULL)) {
            return NULL;
        }
        throw new IllegalArgumentException(hierarchy + " is not a hierarchy");
    }

    private static int authIndex(Handle entity) {
        if (entity.equals(Handle.RH_LOCKOUT)) {
            return LOCKOUT;
        }
        return entity.equals(Handle.RH_NULL) ? -1 : hierarchyIndex(entity);
    }

    public void write(TpmWriter out) {
        for (int h = 0; h < 4; h++) {
            StateFields.writeBytes(out, seeds[h]);
            StateFields.writeBytes(out, proofs[h]);
        }
        for (int h = 0; h < 4; h++) {
            StateFields.writeBytes(out, authValues[h]);
            out.writeU16(policyAlgs[h]);
            StateFields.writeBytes(out, policies[h]);
        }
        StateFields.writeBoolean(out, phEnable);
        StateFields.writeBoolean(out, shEnable);
        StateFields.writeBoolean(out, ehEnable);
        StateFields.writeBoolean(out, phEnableNv);
        StateFields.writeBoolean(out, disableClear);
    }

    public static Hierarchies read(StateReader.Section section) throws TpmFormatException {
        TpmReader in = section.body();
        byte[][] seeds = new byte[4][];
        byte[][] proofs = new byte[4][];
        for (int h = 0; h < 4; h++) {
            seeds[h] = StateFields.readBytesExactly(in, SEED_SIZE);
            proofs[h] = StateFields.readBytesExactly(in, PROOF_SIZE);
        }
        byte[][] authValues = new byte[4][];
        int[] policyAlgs = new int[4];
        byte[][] policies = new byte[4][];
        for (int h = 0; h < 4; h++) {
            authValues[h] = StateFields.readBytes(in, TpmLimits.MAX_DIGEST_SIZE);
            policyAlgs[h] = in.readU16();
            policies[h] = StateFields.readBytes(in, TpmLimits.MAX_DIGEST_SIZE);
        }
        Hierarchies hierarchies = new Hierarchies(seeds, proofs, authValues, policyAlgs, policies,
                StateFields.readBoolean(in), StateFields.readBoolean(in), StateFields.readBoolean(in),
                StateFields.readBoolean(in));
        if (section.version() >= VERSION) {
            hierarchies.disableClear = StateFields.readBoolean(in);
        }
        in.requireEnd();
        return hierarchies;
    }
}
