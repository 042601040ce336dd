package org.vtpm.manager.keys;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.PcrSelect;
import org.vtpm.tpm.types.PcrSelection;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.TpmLimits;

/**
 * Host PCRs the manager KEK is sealed to: it unseals only while these PCRs of this bank hold the
 * values they had when it was sealed (a TPM2_PolicyPCR policy).
 */
public record PcrBinding(HashAlgorithm bank, SortedSet<Integer> pcrs) {

    public PcrBinding {
        Objects.requireNonNull(bank, "bank");
        if (pcrs.isEmpty()) {
            throw new IllegalArgumentException("a PCR binding names at least one PCR");
        }
        for (int pcr : pcrs) {
            if (pcr < 0 || pcr >= TpmLimits.IMPLEMENTATION_PCR) {
                throw new IllegalArgumentException("PCR " + pcr + " is outside 0.."
                        + (TpmLimits.IMPLEMENTATION_PCR - 1));
            }
        }
        pcrs = Collections.unmodifiableSortedSet(new TreeSet<>(pcrs));
    }

    public static PcrBinding of(HashAlgorithm bank, int... pcrs) {
        TreeSet<Integer> set = new TreeSet<>();
        for (int pcr : pcrs) {
            set.add(pcr);
        }
        return new PcrBinding(bank, set);
    }

    /** The same PCRs as a TPML_PCR_SELECTION. */
    public PcrSelectionList selection() {
        return PcrSelectionList.of(new PcrSelection(new AlgId(bank.algId()),
                PcrSelect.of(pcrs.stream().mapToInt(Integer::intValue).toArray())));
    }

    /**
     * The binding a TPML_PCR_SELECTION of one bank describes.
     *
     * @throws IllegalArgumentException when it selects no PCR, several banks or an unknown hash
     */
    static PcrBinding of(PcrSelectionList selection) {
        if (selection.pcrSelections().size() != 1) {
            throw new IllegalArgumentException("a PCR binding selects one bank, not "
                    + selection.pcrSelections().size());
        }
        PcrSelection only = selection.pcrSelections().get(0);
        HashAlgorithm bank = HashAlgorithm.fromAlgId(only.hash().value())
                .orElseThrow(() -> new IllegalArgumentException("unknown PCR bank " + only.hash()));
        TreeSet<Integer> pcrs = new TreeSet<>();
        for (int pcr = 0; pcr < 8 * only.pcrSelect().size(); pcr++) {
            if (only.pcrSelect().isSelected(pcr)) {
                pcrs.add(pcr);
            }
        }
        return new PcrBinding(bank, pcrs);
    }

    @Override
    public String toString() {
        return bank.tpmName() + ":" + pcrs;
    }
}
