package org.vtpm.tpm.engine.commands;

import org.vtpm.tpm.command.GetCommandAuditDigest;
import org.vtpm.tpm.command.GetCommandAuditDigestResponse;
import org.vtpm.tpm.command.GetSessionAuditDigest;
import org.vtpm.tpm.command.GetSessionAuditDigestResponse;
import org.vtpm.tpm.command.SetCommandCodeAuditStatus;
import org.vtpm.tpm.command.SetCommandCodeAuditStatusResponse;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.engine.state.AuthSession;
import org.vtpm.tpm.engine.state.CommandAudit;
import org.vtpm.tpm.engine.state.EngineState;
import org.vtpm.tpm.engine.state.LoadedKey;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Attest;
import org.vtpm.tpm.types.Cc;
import org.vtpm.tpm.types.CommandAuditInfo;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.SessionAuditInfo;
import org.vtpm.tpm.types.Signature;
import org.vtpm.tpm.types.St;
import org.vtpm.tpm.wire.Tpm2b;
import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * TPM2_GetSessionAuditDigest (Part 3, 18.5): an audit session's digest, and whether it is the
 * exclusive audit session, attested like a quote (signed by a key, or unsigned without one);
 * TPM2_GetCommandAuditDigest (18.6) the same for the command audit, and
 * TPM2_SetCommandCodeAuditStatus (21.2) what the command audit covers.
 */
public final class AuditCommands {

    private final EngineState state;
    private final AttestationCommands attestation;

    private final CommandTable commands;

    public AuditCommands(EngineState state, AttestationCommands attestation, CommandTable commands) {
        this.state = state;
        this.attestation = attestation;
        this.commands = commands;
    }

    /**
     * A new audit hash (alone: with command codes to change as well it is TPM_RC_VALUE), or
     * command codes audited from now on and no longer; codes of commands the engine does not
     * implement are ignored, as the reference implementation ignores them.
     */
    public SetCommandCodeAuditStatusResponse setCommandCodeAuditStatus(SetCommandCodeAuditStatus command,
            Request request) throws CommandError {
        CommandAudit audit = state.audit();
        AlgId alg = command.auditAlg();
        if (!alg.equals(AlgId.NULL) && alg.value() != audit.hash().algId()) {
            if (!command.setList().commandCodes().isEmpty() || !command.clearList().commandCodes().isEmpty()) {
                throw CommandError.of(TpmRc.VALUE.withParameter(1));
            }
            audit.changeHash(Algorithms.hash(alg).orElseThrow(() -> CommandError.of(TpmRc.HASH.withParameter(1))));
            return new SetCommandCodeAuditStatusResponse();
        }
        for (Cc code : command.setList().commandCodes()) {
            if (commands.entry(code.value()).isPresent()) {
                audit.set(code);
            }
        }
        for (Cc code : command.clearList().commandCodes()) {
            audit.clear(code);
        }
        return new SetCommandCodeAuditStatusResponse();
    }

    /**
     * The command audit digest, its counter and the digest of the audited command codes; a signed
     * report clears the digest, so the next audited command starts a new one.
     */
    public GetCommandAuditDigestResponse getCommandAuditDigest(GetCommandAuditDigest command, Request request)
            throws CommandError {
        LoadedKey key = attestation.signer(command.signHandle(), 2);
        CommandAudit audit = state.audit();
        HashAlgorithm hash = audit.hash();
        TpmWriter codes = new TpmWriter();
        for (int code : audit.commands()) {
            codes.writeU32(code);
        }
        byte[] commandDigest = hash.hash(codes.toByteArray());
        Attest attest = attestation.attest(key, St.ATTEST_COMMAND_AUDIT, command.qualifyingData(),
                new CommandAuditInfo(audit.counter(), new AlgId(hash.algId()),
                        new Digest(audit.digest()), new Digest(commandDigest)));
        Signature signature = attestation.signIfKeyed(key, command.inScheme(), attest, 2);
        if (key != null) {
            audit.clearDigest();
        }
        return new GetCommandAuditDigestResponse(Tpm2b.of(attest), signature);
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
