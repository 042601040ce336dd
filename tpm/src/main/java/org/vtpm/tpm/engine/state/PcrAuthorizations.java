package org.vtpm.tpm.engine.state;

import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.TpmLimits;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmReader;
import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * The authorization group of PCRs 20 to 22, the one group the reference platform gives PCRs both
 * an authValue (TPM2_PCR_SetAuthValue, until the next TPM Reset or Restart) and a policy
 * (TPM2_PCR_SetAuthPolicy, kept until the platform seed changes). Other PCRs have an empty
 * authValue and no policy.
 */
public final class PcrAuthorizations {

    private static final int FIRST = 20;
    private static final int LAST = 22;

    private byte[] authValue;
    private int policyAlg;
    private byte[] policy;

    private PcrAuthorizations(byte[] authValue, int policyAlg, byte[] policy) {
        this.authValue = authValue;
        this.policyAlg = policyAlg;
        this.policy = policy;
    }

    public static PcrAuthorizations manufactured() {
        return new PcrAuthorizations(new byte[0], AlgId.NULL.value(), new byte[0]);
    }

    /** Whether {@code pcr} belongs to the group (for its authValue and its policy alike). */
    public static boolean inGroup(int pcr) {
        return pcr >= FIRST && pcr <= LAST;
    }

    public byte[] authValue(int pcr) {
        return inGroup(pcr) ? authValue.clone() : new byte[0];
    }

    public void authValue(byte[] value) {
        authValue = value.clone();
    }

    /** The policy's hash, TPM_ALG_NULL for none. */
    public int policyAlg(int pcr) {
        return inGroup(pcr) ? policyAlg : AlgId.NULL.value();
    }

    public byte[] policy(int pcr) {
        return inGroup(pcr) ? policy.clone() : new byte[0];
    }

    public void policy(int alg, byte[] digest) {
        policyAlg = alg;
        policy = digest.clone();
    }

    /** TPM Reset and Restart: the authValue is empty again. */
    public void startupClear() {
        authValue = new byte[0];
    }

    /** TPM2_ChangePPS: the policy goes with the platform seed. */
    public void clearPolicy() {
        policy(AlgId.NULL.value(), new byte[0]);
    }

    public void write(TpmWriter out) {
        StateFields.writeBytes(out, authValue);
        out.writeU16(policyAlg);
        StateFields.writeBytes(out, policy);
    }

    public static PcrAuthorizations read(StateReader.Section section) throws TpmFormatException {
        TpmReader in = section.body();
        byte[] authValue = StateFields.readBytes(in, TpmLimits.MAX_DIGEST_SIZE);
        int alg = in.readU16();
        byte[] policy = StateFields.readBytes(in, TpmLimits.MAX_DIGEST_SIZE);
        if ((alg == AlgId.NULL.value()) != (policy.length == 0)) {
            throw new TpmFormatException(TpmRc.SIZE, "PCR policy of " + policy.length + " bytes");
        }
        in.requireEnd();
        return new PcrAuthorizations(authValue, alg, policy);
    }
}
