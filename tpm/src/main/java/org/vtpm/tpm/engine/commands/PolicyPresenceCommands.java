package org.vtpm.tpm.engine.commands;

import org.vtpm.tpm.command.PolicyLocality;
import org.vtpm.tpm.command.PolicyLocalityResponse;
import org.vtpm.tpm.command.PolicyPhysicalPresence;
import org.vtpm.tpm.command.PolicyPhysicalPresenceResponse;
import org.vtpm.tpm.engine.state.EngineState;
import org.vtpm.tpm.engine.state.PolicyState;
import org.vtpm.tpm.types.Cc;
import org.vtpm.tpm.wire.TpmRc;

/**
 * The policy assertions about how a command reaches the TPM rather than what it does:
 * TPM2_PolicyLocality (Part 3, 23.8) and TPM2_PolicyPhysicalPresence (23.12). Both are checked when
 * the session authorizes a command.
 */
public final class PolicyPresenceCommands {

    /** Values below this in TPMA_LOCALITY are a set of localities 0..4; from it on one extended locality. */
    private static final int FIRST_EXTENDED = 32;
    private static final int ALL_LOCALITIES = 0x1F;

    private final EngineState state;

    public PolicyPresenceCommands(EngineState state) {
        this.state = state;
    }

    /**
     * Narrows the localities the session allows: a set intersects with an earlier set (and must
     * not become empty); an extended locality must repeat the earlier one; the two kinds do not mix.
     */
    public PolicyLocalityResponse policyLocality(PolicyLocality command, Request request) throws CommandError {
        PolicyState policy = PolicyCommands.policy(state, command.policySession());
        int requested = command.locality().value();
        int previous = policy.locality();
        if (requested == 0 || previous != 0 && (previous < FIRST_EXTENDED) != (requested < FIRST_EXTENDED)) {
            throw CommandError.of(TpmRc.RANGE.withParameter(1));
        }
        int allowed;
        if (requested < FIRST_EXTENDED) {
            allowed = (previous == 0 ? ALL_LOCALITIES : previous) & requested;
        } else {
            allowed = previous == 0 || previous == requested ? requested : 0;
        }
        if (allowed == 0) {
            throw CommandError.of(TpmRc.RANGE.withParameter(1));
        }
        policy.update(Cc.POLICY_LOCALITY, new byte[] {(byte) requested});
        policy.locality(allowed);
        return new PolicyLocalityResponse();
    }

    public PolicyPhysicalPresenceResponse policyPhysicalPresence(PolicyPhysicalPresence command, Request request) {
        PolicyState policy = PolicyCommands.policy(state, command.policySession());
        policy.update(Cc.POLICY_PHYSICAL_PRESENCE);
        policy.requirePhysicalPresence();
        return new PolicyPhysicalPresenceResponse();
    }
}
