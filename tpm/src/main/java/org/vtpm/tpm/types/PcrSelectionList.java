package org.vtpm.tpm.types;

import java.util.List;

import org.vtpm.tpm.wire.Count;

/** TPML_PCR_SELECTION: PCR selections, at most one per bank. */
public record PcrSelectionList(
        @Count(max = TpmLimits.HASH_COUNT) List<PcrSelection> pcrSelections) implements CapabilitiesUnion {

    public static final PcrSelectionList EMPTY = new PcrSelectionList(List.of());

    public PcrSelectionList {
        pcrSelections = List.copyOf(pcrSelections);
    }

    public static PcrSelectionList of(PcrSelection... selections) {
        return new PcrSelectionList(List.of(selections));
    }
}
