package org.vtpm.tpm.engine.commands;

import org.vtpm.tpm.command.GetSessionAuditDigest;
import org.vtpm.tpm.command.GetSessionAuditDigestResponse;
import org.vtpm.tpm.engine.state.AuthSession;
import org.vtpm.tpm.engine.state.EngineState;
import org.vtpm.tpm.engine.state.LoadedKey;
import org.vtpm.tpm.types.Attest;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.SessionAuditInfo;
import org.vtpm.tpm.types.St;
import org.vtpm.tpm.wire.Tpm2b;
import org.vtpm.tpm.wire.TpmRc;

/**
 * TPM2_GetSessionAuditDigest (Part 3, 18.5): an audit session's digest, and whether it is the
 * exclusive audit session, attested like a quote (signed by a key, or unsigned without one).
 */
public final class AuditCommands {

    private final EngineState state;
    private final AttestationCommands attestation;

    public AuditCommands(EngineState state, AttestationCommands attestation) {
        this.state = state;
        this.attestation = attestation;
    }

    public GetSessionAuditDigestResponse getSessionAuditDigest(GetSessionAuditDigest command, Request request)
            throws CommandError {
        AuthSession session = state.sessions().get(command.sessionHandle()).orElseThrow();
        if (!session.isAudit()) {
            throw CommandError.of(TpmRc.TYPE.withHandle(3));
        }
        LoadedKey key = attestation.signer(command.signHandle(), 2);
        boolean exclusive = state.sessions().exclusiveAudit().filter(command.sessionHandle()::equals).isPresent();
        Attest attest = attestation.attest(key, St.ATTEST_SESSION_AUDIT, command.qualifyingData(),
                new SessionAuditInfo(exclusive, new Digest(session.auditDigest())));
        return new GetSessionAuditDigestResponse(Tpm2b.of(attest),
                attestation.signIfKeyed(key, command.inScheme(), attest, 2));
    }
}
