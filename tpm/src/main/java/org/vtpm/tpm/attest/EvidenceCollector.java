package org.vtpm.tpm.attest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.vtpm.tpm.client.Session;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.command.PcrRead;
import org.vtpm.tpm.command.PcrReadResponse;
import org.vtpm.tpm.command.Quote;
import org.vtpm.tpm.command.QuoteResponse;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.eventlog.Bytes;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.PcrSelect;
import org.vtpm.tpm.types.PcrSelection;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.SigScheme;
import org.vtpm.tpm.wire.TpmException;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmRc;

/**
 * Gathers evidence from a TPM: a quote over a selection with the qualifying data given, and the
 * values of the selected PCRs. TPM2_PCR_Read returns at most eight values per call and nothing
 * stops a PCR from being extended between the reads and the quote, so the PCRs are read before
 * and after the quote, and the whole is repeated until both reads agree.
 */
public final class EvidenceCollector {

    private static final int ATTEMPTS = 4;

    private EvidenceCollector() {
    }

    /**
     * @param ak the handle of the loaded attestation key
     * @param akAuth the session authorizing the key's use
     * @throws TpmFormatException when the TPM does not return every selected PCR, or its PCRs keep
     *     changing while the evidence is gathered
     */
    public static Evidence collect(Tpm tpm, Handle ak, Session akAuth, PcrSelectionList selection,
            Bytes qualifyingData, Optional<Bytes> eventLog) throws TpmException, IOException {
        Objects.requireNonNull(eventLog, "eventLog");
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Reading before = read(tpm, selection);
            QuoteResponse quote = tpm.execute(new Quote(ak, new Data(qualifyingData.toByteArray()), SigScheme.NULL,
                    selection), akAuth);
            Reading after = read(tpm, selection);
            if (before.equals(after)) {
                return Evidence.of(quote, after.values, eventLog);
            }
        }
        throw new TpmFormatException(TpmRc.PCR_CHANGED, "the PCRs changed during each of " + ATTEMPTS
                + " attempts to quote them");
    }

    /** The values of every selected PCR, and the update counters the TPM reported with them. */
    private record Reading(List<Integer> updateCounters, PcrValues values) {
    }

    private static Reading read(Tpm tpm, PcrSelectionList selection) throws TpmException, IOException {
        List<Integer> counters = new ArrayList<>();
        Map<HashAlgorithm, SortedMap<Integer, Bytes>> values = new EnumMap<>(HashAlgorithm.class);
        List<PcrSelection> remaining = new ArrayList<>(selection.pcrSelections());
        while (remaining.stream().anyMatch(EvidenceCollector::selectsAny)) {
            PcrReadResponse response = tpm.execute(new PcrRead(new PcrSelectionList(remaining)));
            counters.add(response.pcrUpdateCounter());
            Iterator<Digest> digests = response.pcrValues().digests().iterator();
            boolean progress = false;
            for (PcrSelection read : response.pcrSelectionOut().pcrSelections()) {
                HashAlgorithm bank = HashAlgorithm.fromAlgId(read.hash().value()).orElseThrow(() ->
                        new TpmFormatException(TpmRc.HASH, "the TPM returned PCRs of bank " + read.hash()));
                for (int pcr = 0; pcr < read.pcrSelect().size() * 8; pcr++) {
                    if (read.pcrSelect().isSelected(pcr)) {
                        if (!digests.hasNext()) {
                            throw new TpmFormatException(TpmRc.SIZE, "TPM2_PCR_Read returned fewer values than PCRs");
                        }
                        values.computeIfAbsent(bank, b -> new TreeMap<>()).put(pcr,
                                Bytes.of(digests.next().buffer()));
                        progress = true;
                    }
                }
            }
            if (!progress) {
                throw new TpmFormatException(TpmRc.PCR, "the TPM returns no value for the PCRs " + remaining);
            }
            remaining = unread(remaining, values);
        }
        return new Reading(counters, new PcrValues(values));
    }

    private static boolean selectsAny(PcrSelection selection) {
        for (byte b : selection.pcrSelect().buffer()) {
            if (b != 0) {
                return true;
            }
        }
        return false;
    }

    private static List<PcrSelection> unread(List<PcrSelection> selections,
            Map<HashAlgorithm, SortedMap<Integer, Bytes>> values) {
        List<PcrSelection> unread = new ArrayList<>();
        for (PcrSelection selection : selections) {
            Map<Integer, Bytes> read = HashAlgorithm.fromAlgId(selection.hash().value())
                    .map(bank -> (Map<Integer, Bytes>) values.getOrDefault(bank, new TreeMap<>()))
                    .orElse(Map.of());
            byte[] bits = selection.pcrSelect().buffer();
            for (int pcr : read.keySet()) {
                if (pcr / 8 < bits.length) {
                    bits[pcr / 8] &= (byte) ~(1 << (pcr % 8));
                }
            }
            unread.add(new PcrSelection(selection.hash(), new PcrSelect(bits)));
        }
        return unread;
    }
}
