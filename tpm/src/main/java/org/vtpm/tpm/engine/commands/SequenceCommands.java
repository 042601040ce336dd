package org.vtpm.tpm.engine.commands;

import java.util.ArrayList;
import java.util.List;

import org.vtpm.tpm.command.EventSequenceComplete;
import org.vtpm.tpm.command.EventSequenceCompleteResponse;
import org.vtpm.tpm.command.HashSequenceStart;
import org.vtpm.tpm.command.HashSequenceStartResponse;
import org.vtpm.tpm.command.SequenceComplete;
import org.vtpm.tpm.command.SequenceCompleteResponse;
import org.vtpm.tpm.command.SequenceUpdate;
import org.vtpm.tpm.command.SequenceUpdateResponse;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.engine.state.EngineState;
import org.vtpm.tpm.engine.state.HashSequence;
import org.vtpm.tpm.engine.state.PcClientPcrs;
import org.vtpm.tpm.engine.state.PcrBanks;
import org.vtpm.tpm.engine.state.TransientObject;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.DigestValuesList;
import org.vtpm.tpm.types.Ha;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.TkHashcheck;
import org.vtpm.tpm.wire.Bytes;
import org.vtpm.tpm.wire.TpmRc;

/**
 * The hash and event sequences (Part 3, 17.3 to 17.6): TPM2_HashSequenceStart,
 * TPM2_SequenceUpdate, TPM2_SequenceComplete and TPM2_EventSequenceComplete.
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

    public SequenceUpdateResponse update(SequenceUpdate command, Request request) throws CommandError {
        sequence(command.sequenceHandle(), 1).update(command.buffer().buffer());
        return new SequenceUpdateResponse();
    }

    public SequenceCompleteResponse complete(SequenceComplete command, Request request) throws CommandError {
        HashSequence sequence = sequence(command.sequenceHandle(), 1);
        if (sequence.isEvent()) {
            throw CommandError.of(TpmRc.MODE.withHandle(1));
        }
        if (!state.hierarchies().isEnabled(command.hierarchy())) {
            throw CommandError.of(TpmRc.HIERARCHY.withParameter(2));
        }
        sequence.update(command.buffer().buffer());
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
        HashSequence sequence = sequence(command.sequenceHandle(), 2);
        if (!sequence.isEvent()) {
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

    private HashSequence sequence(Handle handle, int handleNumber) throws CommandError {
        TransientObject object = state.objects().get(handle).orElseThrow();
        if (object instanceof HashSequence sequence) {
            return sequence;
        }
        throw CommandError.of(TpmRc.MODE.withHandle(handleNumber));
    }
}
