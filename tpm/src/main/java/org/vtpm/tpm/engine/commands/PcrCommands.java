package org.vtpm.tpm.engine.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.vtpm.tpm.command.PcrAllocate;
import org.vtpm.tpm.command.PcrAllocateResponse;
import org.vtpm.tpm.command.PcrEvent;
import org.vtpm.tpm.command.PcrEventResponse;
import org.vtpm.tpm.command.PcrExtend;
import org.vtpm.tpm.command.PcrExtendResponse;
import org.vtpm.tpm.command.PcrRead;
import org.vtpm.tpm.command.PcrReadResponse;
import org.vtpm.tpm.command.PcrReset;
import org.vtpm.tpm.command.PcrResetResponse;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.engine.state.PcClientPcrs;
import org.vtpm.tpm.engine.state.PcrBanks;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.DigestList;
import org.vtpm.tpm.types.DigestValuesList;
import org.vtpm.tpm.types.Ha;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.PcrSelect;
import org.vtpm.tpm.types.PcrSelection;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.TpmLimits;
import org.vtpm.tpm.wire.Bytes;
import org.vtpm.tpm.wire.TpmRc;

/**
 * TPM2_PCR_Read, _Extend, _Event, _Reset and _Allocate (Part 3, clause 22), with the PC Client
 * locality rules.
 */
public final class PcrCommands {

    private final PcrBanks pcrs;

    public PcrCommands(PcrBanks pcrs) {
        this.pcrs = pcrs;
    }

    /**
     * Returns up to eight PCR values in selection order; the selection it answers with is the one
     * asked for, less unallocated banks and the PCRs that did not fit.
     */
    public PcrReadResponse read(PcrRead command, Request request) throws CommandError {
        List<PcrSelection> selections = command.pcrSelectionIn().pcrSelections();
        for (PcrSelection selection : selections) {
            if (Algorithms.hash(selection.hash()).isEmpty()) {
                throw CommandError.of(TpmRc.HASH.withParameter(1));
            }
        }
        List<Digest> values = new ArrayList<>(TpmLimits.MAX_DIGEST_LIST);
        List<PcrSelection> answered = new ArrayList<>(selections.size());
        for (PcrSelection selection : selections) {
            byte[] bits = selection.pcrSelect().buffer();
            Optional<HashAlgorithm> bank = PcrBanks.bank(selection.hash().value());
            for (int pcr = 0; pcr < bits.length * 8; pcr++) {
                if ((bits[pcr / 8] & (1 << (pcr % 8))) == 0) {
                    continue;
                }
                if (bank.isPresent() && pcr < PcClientPcrs.COUNT && values.size() < TpmLimits.MAX_DIGEST_LIST) {
                    values.add(new Digest(pcrs.read(bank.get(), pcr)));
                } else {
                    bits[pcr / 8] &= (byte) ~(1 << (pcr % 8));
                }
            }
            answered.add(new PcrSelection(selection.hash(), new PcrSelect(bits)));
        }
        return new PcrReadResponse(pcrs.updateCounter(), new PcrSelectionList(answered), new DigestList(values));
    }

    public PcrExtendResponse extend(PcrExtend command, Request request) throws CommandError {
        List<Ha> digests = command.digests().digests();
        for (Ha digest : digests) {
            if (Algorithms.hash(digest.hashAlg()).isEmpty()) {
                throw CommandError.of(TpmRc.HASH.withParameter(1));
            }
        }
        if (command.pcrHandle().equals(Handle.RH_NULL)) {
            return new PcrExtendResponse();
        }
        int pcr = checkExtend(command.pcrHandle(), request);
        for (Ha digest : digests) {
            Optional<HashAlgorithm> bank = PcrBanks.bank(digest.hashAlg().value());
            if (bank.isPresent()) {
                pcrs.extend(bank.get(), pcr, digest.digest().toByteArray());
            }
        }
        return new PcrExtendResponse();
    }

    /** Hashes the event with every implemented hash; extends the PCR unless the handle is TPM_RH_NULL. */
    public PcrEventResponse event(PcrEvent command, Request request) throws CommandError {
        boolean extend = !command.pcrHandle().equals(Handle.RH_NULL);
        int pcr = extend ? checkExtend(command.pcrHandle(), request) : -1;
        byte[] data = command.eventData().buffer();
        List<Ha> digests = new ArrayList<>(Algorithms.HASHES.size());
        for (HashAlgorithm hash : Algorithms.HASHES) {
            byte[] digest = hash.hash(data);
            digests.add(new Ha(new AlgId(hash.algId()), Bytes.of(digest)));
            if (extend && PcrBanks.bank(hash.algId()).isPresent()) {
                pcrs.extend(hash, pcr, digest);
            }
        }
        return new PcrEventResponse(new DigestValuesList(digests));
    }

    public PcrResetResponse reset(PcrReset command, Request request) throws CommandError {
        int pcr = command.pcrHandle().value();
        if (!PcClientPcrs.mayReset(pcr, request.locality())) {
            throw CommandError.of(TpmRc.LOCALITY);
        }
        pcrs.resetPcr(pcr);
        pcrs.changed(pcr);
        return new PcrResetResponse();
    }

    private static int checkExtend(Handle handle, Request request) throws CommandError {
        int pcr = handle.value();
        if (!PcClientPcrs.mayExtend(pcr, request.locality())) {
            throw CommandError.of(TpmRc.LOCALITY);
        }
        return pcr;
    }

    /**
     * TPM2_PCR_Allocate (Part 3, 22.5). The engine's banks are fixed (SHA-1, SHA-256 and SHA-384,
     * each with every PCR), so it grants an allocation only when it leaves them as they are, and
     * answers any other with allocationSuccess NO and the memory it would need, as a TPM that
     * cannot meet an allocation does. Banks the request does not name keep their PCRs.
     */
    public PcrAllocateResponse allocate(PcrAllocate command, Request request) {
        Map<Integer, Integer> current = new TreeMap<>();
        for (HashAlgorithm bank : PcrBanks.BANKS) {
            current.put(bank.algId(), PcClientPcrs.COUNT);
        }
        Map<Integer, Integer> requested = new TreeMap<>(current);
        for (PcrSelection selection : command.pcrAllocation().pcrSelections()) {
            int selected = 0;
            for (byte b : selection.pcrSelect().buffer()) {
                selected += Integer.bitCount(b & 0xFF);
            }
            requested.put(selection.hash().value(), selected);
        }
        requested.values().removeIf(count -> count == 0);
        return new PcrAllocateResponse(requested.equals(current), PcClientPcrs.COUNT, memory(requested),
                memory(current));
    }

    /** Bytes of PCR values an allocation takes: each bank's digest size times its PCRs. */
    private static int memory(Map<Integer, Integer> allocation) {
        int bytes = 0;
        for (Map.Entry<Integer, Integer> bank : allocation.entrySet()) {
            bytes += HashAlgorithm.fromAlgId(bank.getKey()).map(HashAlgorithm::digestSize).orElse(0) * bank.getValue();
        }
        return bytes;
    }
}
