package org.vtpm.tpm.engine.commands;

import org.vtpm.tpm.command.PcrSetAuthPolicy;
import org.vtpm.tpm.command.PcrSetAuthPolicyResponse;
import org.vtpm.tpm.command.PcrSetAuthValue;
import org.vtpm.tpm.command.PcrSetAuthValueResponse;
import org.vtpm.tpm.engine.state.EngineState;
import org.vtpm.tpm.engine.state.PcrAuthorizations;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.wire.TpmRc;

/**
 * TPM2_PCR_SetAuthPolicy and TPM2_PCR_SetAuthValue (Part 3, 22.7 and 22.8): the authorization
 * of the PCRs in an authorization group, which then guards PCR_Extend, PCR_Event and PCR_Reset
 * on them.
 */
public final class PcrAuthCommands {

    private final PcrAuthorizations group;

    public PcrAuthCommands(EngineState state) {
        this.group = state.pcrAuthorizations();
    }

    public PcrSetAuthPolicyResponse setAuthPolicy(PcrSetAuthPolicy command, Request request) throws CommandError {
        AlgId alg = command.hashAlg();
        int size = alg.equals(AlgId.NULL) ? 0 : Algorithms.hash(alg)
                .orElseThrow(() -> CommandError.of(TpmRc.HASH.withParameter(2))).digestSize();
        if (command.authPolicy().size() != size) {
            throw CommandError.of(TpmRc.SIZE.withParameter(1));
        }
        if (!PcrAuthorizations.inGroup(command.pcrNum().value())) {
            throw CommandError.of(TpmRc.VALUE.withParameter(3));
        }
        group.policy(alg.value(), command.authPolicy().buffer());
        return new PcrSetAuthPolicyResponse();
    }

    public PcrSetAuthValueResponse setAuthValue(PcrSetAuthValue command, Request request) throws CommandError {
        // The reference implementation names no handle in this code.
        if (!PcrAuthorizations.inGroup(command.pcrHandle().value())) {
            throw CommandError.of(TpmRc.VALUE);
        }
        group.authValue(command.auth().buffer());
        return new PcrSetAuthValueResponse();
    }
}
