package org.vtpm.tpm.engine.commands;

import java.util.ArrayList;
import java.util.List;

import org.vtpm.tpm.command.EventSequenceComplete;
import org.vtpm.tpm.command.EventSequenceCompleteResponse;
import org.vtpm.tpm.command.HashSequenceStart;
import org.vtpm.tpm.command.HashSequenceStartResponse;
import org.vtpm.tpm.command.HmacStart;
import org.vtpm.tpm.command.HmacStartResponse;
import org.vtpm.tpm.command.SequenceComplete;
import org.vtpm.tpm.command.SequenceCompleteResponse;
import org.vtpm.tpm.command.SequenceUpdate;
import org.vtpm.tpm.command.SequenceUpdateResponse;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.engine.state.EngineState;
import org.vtpm.tpm.engine.state.HashSequence;
import org.vtpm.tpm.engine.state.HmacSequence;
import org.vtpm.tpm.engine.state.LoadedKey;
import org.vtpm.tpm.engine.state.PcClientPcrs;
import org.vtpm.tpm.engine.state.PcrBanks;
import org.vtpm.tpm.engine.state.Sequence;
import org.vtpm.tpm.engine.state.TransientObject;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.DigestValuesList;
import org.vtpm.tpm.types.Ha;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.TkHashcheck;
import org.vtpm.tpm.wire.Bytes;
import org.vtpm.tpm.wire.TpmRc;

/**
 * The hash, HMAC and event sequences (Part 3, 17.2 to 17.6): TPM2_HMAC_Start,
 * TPM2_HashSequenceStart, TPM2_SequenceUpdate, TPM2_SequenceComplete and
 * TPM2_EventSequenceComplete.
 */
public final class SequenceCommands {

    private final EngineState state;

    public SequenceCommands(EngineState state) {
        this.state = state;
    }

    /** A hash sequence, or with TPM_ALG_NULL an event sequence over every PCR bank. */
    public HashSequenceStartResponse start(HashSequenceStart command, Request request) throws CommandError {
        boolean event = command.hashAlg().equals(AlgId.NULL);
        List<HashAlgorithm> algorithms;
        if (event) {
            algorithms = PcrBanks.BANKS;
        } else {
            algorithms = List.of(Algorithms.hash(command.hashAlg())
                    .orElseThrow(() -> CommandError.of(TpmRc.HASH.withParameter(2))));
        }
        HashSequence sequence = HashSequence.start(command.auth().buffer(), event, algorithms);
        Handle handle = state.objects().add(sequence).orElseThrow(() -> CommandError.of(TpmRc.OBJECT_MEMORY));
        return new HashSequenceStartResponse(handle);
    }

    /**
     * An HMAC sequence with an unrestricted keyed-hash signing key, by the key's own hash or, when
     * it has none, the one named (the checks and their order are the reference implementation's).
     */
    public HmacStartResponse hmacStart(HmacStart command, Request request) throws CommandError {
        if (!(state.objects().get(command.handle()).orElseThrow() instanceof LoadedKey key)
                || !key.publicValue().type().equals(AlgId.KEYEDHASH)) {
            throw CommandError.of(TpmRc.TYPE.withHandle(1));
        }
        if (key.has(ObjectAttributes.RESTRICTED)) {
            throw CommandError.of(TpmRc.ATTRIBUTES.withHandle(1));
        }
        if (!key.has(ObjectAttributes.SIGN_ENCRYPT)) {
            throw CommandError.of(TpmRc.KEY.withHandle(1));
        }
        HashAlgorithm hash = SigningSchemes.resolveHmac(key, command.hashAlg(), 2).hash();
        HmacSequence sequence = HmacSequence.start(command.auth().buffer(), hash, SigningCommands.hmacKey(key));
        Handle handle = state.objects().add(sequence).orElseThrow(() -> CommandError.of(TpmRc.OBJECT_MEMORY));
        return new HmacStartResponse(handle);
    }

    public SequenceUpdateResponse update(SequenceUpdate command, Request request) throws CommandError {
        sequence(command.sequenceHandle(), 1).update(command.buffer().buffer());
        return new SequenceUpdateResponse();
    }

    /** Completes a hash sequence (with a ticket when the data may get one) or an HMAC sequence (never). */
    public SequenceCompleteResponse complete(SequenceComplete command, Request request) throws CommandError {
        Sequence any = sequence(command.sequenceHandle(), 1);
        if (any instanceof HashSequence hashing && hashing.isEvent()) {
            throw CommandError.of(TpmRc.MODE.withHandle(1));
        }
        if (!state.hierarchies().isEnabled(command.hierarchy())) {
            throw CommandError.of(TpmRc.HIERARCHY.withParameter(2));
        }
        any.update(command.buffer().buffer());
        if (any instanceof HmacSequence hmac) {
            byte[] result = hmac.finish();
            state.objects().flush(command.sequenceHandle());
            return new SequenceCompleteResponse(new Digest(result), TkHashcheck.NULL);
        }
        HashSequence sequence = (HashSequence) any;
        HashAlgorithm alg = sequence.algorithms().get(0);
        byte[] digest = sequence.finish().get(0);
        state.objects().flush(command.sequenceHandle());
        TkHashcheck ticket = sequence.ticketSafe()
                ? Tickets.hashCheck(state.hierarchies(), command.hierarchy(), alg, digest)
                : TkHashcheck.NULL;
        return new SequenceCompleteResponse(new Digest(digest), ticket);
    }

    /** Completes an event sequence, extending the PCR (unless TPM_RH_NULL) with each bank's digest. */
    public EventSequenceCompleteResponse eventComplete(EventSequenceComplete command, Request request)
            throws CommandError {
        if (!(sequence(command.sequenceHandle(), 2) instanceof HashSequence sequence) || !sequence.isEvent()) {
            throw CommandError.of(TpmRc.MODE.withHandle(2));
        }
        boolean extend = !command.pcrHandle().equals(Handle.RH_NULL);
        int pcr = command.pcrHandle().value();
        if (extend && !PcClientPcrs.mayExtend(pcr, request.locality())) {
            throw CommandError.of(TpmRc.LOCALITY);
        }
        sequence.update(command.buffer().buffer());
        List<byte[]> digests = sequence.finish();
        state.objects().flush(command.sequenceHandle());
        List<Ha> results = new ArrayList<>(digests.size());
        for (int i = 0; i < digests.size(); i++) {
            HashAlgorithm alg = sequence.algorithms().get(i);
            results.add(new Ha(new AlgId(alg.algId()), Bytes.of(digests.get(i))));
            if (extend) {
                state.pcrs().extend(alg, pcr, digests.get(i));
            }
        }
        return new EventSequenceCompleteResponse(new DigestValuesList(results));
    }

    private Sequence sequence(Handle handle, int handleNumber) throws CommandError {
        TransientObject object = state.objects().get(handle).orElseThrow();
        if (object instanceof Sequence sequence) {
            return sequence;
        }
        throw CommandError.of(TpmRc.MODE.withHandle(handleNumber));
    }
}
