package org.vtpm.tpm.engine.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.crypto.Digest;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.engine.state.PcClientPcrs;
import org.vtpm.tpm.engine.state.PcrBanks;
import org.vtpm.tpm.types.PcrSelect;
import org.vtpm.tpm.types.PcrSelection;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.wire.TpmRc;

/** PCR selections in quotes and creation data: filtered to what is allocated, and digested. */
final class PcrSelections {

    private PcrSelections() {
    }

    /** The selection without unallocated banks' PCRs; an unimplemented hash is TPM_RC_HASH at {@code p}. */
    static PcrSelectionList filter(PcrSelectionList selections, int p) throws CommandError {
        List<PcrSelection> out = new ArrayList<>(selections.pcrSelections().size());
        for (PcrSelection selection : selections.pcrSelections()) {
            if (Algorithms.hash(selection.hash()).isEmpty()) {
                throw CommandError.of(TpmRc.HASH.withParameter(p));
            }
            byte[] bits = selection.pcrSelect().buffer();
            if (PcrBanks.bank(selection.hash().value()).isEmpty()) {
                bits = new byte[bits.length];
            }
            out.add(new PcrSelection(selection.hash(), new PcrSelect(bits)));
        }
        return new PcrSelectionList(out);
    }

    /** H(PCR values of the selection, in selection order, lowest PCR first). */
    static byte[] digest(HashAlgorithm alg, PcrSelectionList selections, PcrBanks pcrs) {
        Digest digest = alg.newDigest();
        for (PcrSelection selection : selections.pcrSelections()) {
            Optional<HashAlgorithm> bank = PcrBanks.bank(selection.hash().value());
            for (int pcr = 0; pcr < PcClientPcrs.COUNT && bank.isPresent(); pcr++) {
                if (selection.pcrSelect().isSelected(pcr)) {
                    byte[] value = pcrs.read(bank.get(), pcr);
                    digest.update(value, 0, value.length);
                }
            }
        }
        byte[] out = new byte[alg.digestSize()];
        digest.doFinal(out, 0);
        return out;
    }
}
