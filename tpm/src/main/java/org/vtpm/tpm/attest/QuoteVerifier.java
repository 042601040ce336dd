package org.vtpm.tpm.attest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.eventlog.Bytes;
import org.vtpm.tpm.types.Attest;
import org.vtpm.tpm.types.PcrSelection;
import org.vtpm.tpm.types.QuoteInfo;
import org.vtpm.tpm.types.Signature;
import org.vtpm.tpm.types.SignatureEcc;
import org.vtpm.tpm.types.SignatureRsa;
import org.vtpm.tpm.types.St;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.TpmFormatException;

/**
 * Checks a TPM2_Quote: that a TPM made it (TPM_GENERATED_VALUE, TPM_ST_ATTEST_QUOTE), that the
 * certified attestation key signed it, that it carries the expected qualifying data, and that
 * its PCR digest is the digest of the PCR values sent beside it.
 */
public final class QuoteVerifier {

    private QuoteVerifier() {
    }

    /** The qualifying data the quote carries, if its attest bytes unmarshal. */
    public static Optional<Bytes> qualifyingData(Evidence evidence) {
        try {
            return Optional.of(Bytes.of(parse(evidence).extraData().buffer()));
        } catch (TpmFormatException e) {
            return Optional.empty();
        }
    }

    public static QuoteCheck verify(Layer layer, Evidence evidence, AttestationKey ak, Bytes expectedQualifyingData) {
        List<Reason> reasons = new ArrayList<>();
        Attest attest;
        try {
            attest = parse(evidence);
        } catch (TpmFormatException e) {
            reasons.add(Reason.of(layer, Reason.Code.EVIDENCE_MALFORMED, "the attest bytes are not a TPMS_ATTEST: "
                    + e.getMessage()));
            return new QuoteCheck(reasons, Optional.empty());
        }
        if (attest.magic() != Attest.TPM_GENERATED_VALUE) {
            reasons.add(Reason.of(layer, Reason.Code.NOT_TPM_GENERATED, String.format(
                    "the attest magic is 0x%08x, not TPM_GENERATED_VALUE", attest.magic())));
        }
        if (!Bytes.of(attest.extraData().buffer()).equals(expectedQualifyingData)) {
            reasons.add(Reason.of(layer, Reason.Code.QUALIFYING_DATA_MISMATCH, "the quote's extraData "
                    + Bytes.of(attest.extraData().buffer()).hex() + " is not the expected " + expectedQualifyingData.hex()));
        }
        Optional<Signature> signature = checkSignature(layer, evidence, ak, attest, reasons);
        if (!attest.type().equals(St.ATTEST_QUOTE) || !(attest.attested() instanceof QuoteInfo quote)) {
            reasons.add(Reason.of(layer, Reason.Code.NOT_A_QUOTE, "the attest structure is a " + attest.type()));
            return new QuoteCheck(reasons, Optional.empty());
        }
        Optional<PcrValues> quoted = signature.flatMap(sig -> checkPcrs(layer, evidence.pcrs(), quote,
                signatureHash(sig), reasons));
        return new QuoteCheck(reasons, quoted);
    }

    private static Attest parse(Evidence evidence) throws TpmFormatException {
        return Codecs.unmarshal(Attest.class, evidence.attest().toByteArray());
    }

    /** The parsed signature if it unmarshals (valid or not), so the PCR digest can still be checked. */
    private static Optional<Signature> checkSignature(Layer layer, Evidence evidence, AttestationKey ak,
            Attest attest, List<Reason> reasons) {
        Signature signature;
        try {
            signature = Codecs.unmarshal(Signature.class, evidence.signature().toByteArray());
        } catch (TpmFormatException e) {
            reasons.add(Reason.of(layer, Reason.Code.EVIDENCE_MALFORMED, "the signature bytes are not a TPMT_SIGNATURE: "
                    + e.getMessage()));
            return Optional.empty();
        }
        if (!attest.qualifiedSigner().equals(ak.qualifiedName())) {
            // The quote says another key made it; the signature cannot then be by the certified key,
            // and saying so as well would add nothing.
            reasons.add(Reason.of(layer, Reason.Code.WRONG_AK, "the quote was signed by the key with qualified name "
                    + Bytes.of(attest.qualifiedSigner().buffer()).hex() + ", not the certified attestation key "
                    + Bytes.of(ak.qualifiedName().buffer()).hex()));
            return Optional.of(signature);
        }
        SignatureVerifier.check(ak.publicArea(), evidence.attest().toByteArray(), signature)
                .ifPresent(problem -> reasons.add(Reason.of(layer, Reason.Code.SIGNATURE_INVALID, problem)));
        return Optional.of(signature);
    }

    /** TPM2_Quote digests the PCRs with the hash of its signing scheme. */
    private static Optional<HashAlgorithm> signatureHash(Signature signature) {
        if (signature.signature() instanceof SignatureEcc ecc) {
            return HashAlgorithm.fromAlgId(ecc.hash().value());
        }
        if (signature.signature() instanceof SignatureRsa rsa) {
            return HashAlgorithm.fromAlgId(rsa.hash().value());
        }
        return Optional.empty();
    }

    private static Optional<PcrValues> checkPcrs(Layer layer, PcrValues sent, QuoteInfo quote,
            Optional<HashAlgorithm> digestAlgorithm, List<Reason> reasons) {
        Map<HashAlgorithm, SortedMap<Integer, Bytes>> selected = new EnumMap<>(HashAlgorithm.class);
        List<byte[]> inOrder = new ArrayList<>();
        for (PcrSelection selection : quote.pcrSelect().pcrSelections()) {
            Optional<HashAlgorithm> bank = HashAlgorithm.fromAlgId(selection.hash().value());
            if (bank.isEmpty() || selected.containsKey(bank.get())) {
                reasons.add(Reason.of(layer, Reason.Code.EVIDENCE_MALFORMED, "the quote selects bank "
                        + selection.hash() + (bank.isEmpty() ? ", which is not supported" : " twice")));
                return Optional.empty();
            }
            SortedMap<Integer, Bytes> values = new TreeMap<>();
            for (int pcr = 0; pcr < selection.pcrSelect().size() * 8; pcr++) {
                if (!selection.pcrSelect().isSelected(pcr)) {
                    continue;
                }
                Optional<Bytes> value = sent.value(bank.get(), pcr);
                if (value.isEmpty()) {
                    reasons.add(Reason.of(layer, Reason.Code.PCR_SELECTION_MISMATCH, "the quote covers "
                            + bank.get().tpmName() + " PCR " + pcr + " but no value was sent for it"));
                    return Optional.empty();
                }
                if (value.get().length() != bank.get().digestSize()) {
                    // Sizes are checked one by one: shifting bytes between values would keep their concatenation.
                    reasons.add(Reason.of(layer, Reason.Code.EVIDENCE_MALFORMED, "the " + bank.get().tpmName() + " PCR "
                            + pcr + " value sent has " + value.get().length() + " bytes"));
                    return Optional.empty();
                }
                values.put(pcr, value.get());
                inOrder.add(value.get().toByteArray());
            }
            selected.put(bank.get(), values);
        }
        PcrValues quoted = new PcrValues(selected);
        if (!quoted.equals(sent)) {
            reasons.add(Reason.of(layer, Reason.Code.PCR_SELECTION_MISMATCH, "PCR values were sent for "
                    + sent.indices() + " but the quote covers " + quoted.indices()));
            return Optional.empty();
        }
        if (digestAlgorithm.isEmpty()) {
            return Optional.empty();
        }
        Bytes digest = Bytes.of(digestAlgorithm.get().hash(inOrder.toArray(new byte[0][])));
        Bytes pcrDigest = Bytes.of(quote.pcrDigest().buffer());
        if (!digest.equals(pcrDigest)) {
            reasons.add(Reason.of(layer, Reason.Code.PCR_DIGEST_MISMATCH, "the quoted PCR digest " + pcrDigest.hex()
                    + " is not the " + digestAlgorithm.get().tpmName() + " digest of the PCR values sent, " + digest.hex()));
            return Optional.empty();
        }
        return Optional.of(quoted);
    }
}
