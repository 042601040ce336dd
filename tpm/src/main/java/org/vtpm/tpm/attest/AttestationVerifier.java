package org.vtpm.tpm.attest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.vtpm.tpm.eventlog.Bytes;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.Signature;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.TpmFormatException;

/**
 * Verifies evidence into one verdict: the nonce (fresh, this attester's, used once), the quote,
 * the event log replay, and the policy with its baseline; for deep attestation the same for the
 * host, the link of the host quote to the vTPM quote, and the binding statement. Every check
 * runs whatever the others found, so the verdict lists every reason; only checks whose input a
 * failed check left unknown (PCR values the quote does not confirm) are skipped. After a
 * signature failure the PCR and policy checks judge values the signature does not back: they are
 * listed so that one verification shows everything wrong, and the verdict fails regardless.
 */
public final class AttestationVerifier {

    private final NonceRegistry nonces;
    private final Clock clock;

    public AttestationVerifier(NonceRegistry nonces, Clock clock) {
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Verifies a TPM's evidence, quoted over a nonce issued to {@code attester}. */
    public Verdict verify(Attester attester, Evidence evidence) {
        List<Reason> reasons = new ArrayList<>();
        Map<Layer, Baseline> learned = new EnumMap<>(Layer.class);
        verifyChallenged(attester, evidence, reasons, learned);
        return Verdict.of(reasons, learned);
    }

    /**
     * Verifies a vTPM's evidence together with its host's, as one result.
     *
     * @param bindingKey the public area of the key trusted to sign binding statements
     */
    public Verdict verifyDeep(Attester vtpm, Attester host, Public bindingKey, DeepEvidence evidence) {
        List<Reason> reasons = new ArrayList<>();
        Map<Layer, Baseline> learned = new EnumMap<>(Layer.class);
        Bytes nonce = verifyChallenged(vtpm, evidence.vtpm(), reasons, learned);
        Bytes expected = DeepEvidence.hostQualifyingData(evidence.vtpm().attest(), nonce);
        verifyLayer(Layer.HOST, host, evidence.host(), expected, reasons, learned);
        checkBinding(vtpm, host, bindingKey, evidence, reasons);
        return Verdict.of(reasons, learned);
    }

    /** Redeems the nonce the quote carries and verifies the layer over it; returns the nonce. */
    private Bytes verifyChallenged(Attester attester, Evidence evidence, List<Reason> reasons,
            Map<Layer, Baseline> learned) {
        Optional<Bytes> nonce = QuoteVerifier.qualifyingData(evidence);
        nonce.ifPresent(value -> redeem(attester.subject(), value, reasons));
        Bytes expected = nonce.orElse(Bytes.of(new byte[0]));
        verifyLayer(Layer.VTPM, attester, evidence, expected, reasons, learned);
        return expected;
    }

    private void redeem(String subject, Bytes nonce, List<Reason> reasons) {
        Redemption redemption = nonces.redeem(subject, nonce, clock.instant());
        switch (redemption) {
            case FRESH -> {
            }
            case UNKNOWN -> reasons.add(Reason.of(Layer.VTPM, Reason.Code.NONCE_UNKNOWN, "the quoted nonce "
                    + nonce.hex() + " was not issued to " + subject));
            case EXPIRED -> reasons.add(Reason.of(Layer.VTPM, Reason.Code.NONCE_EXPIRED, "the quoted nonce "
                    + nonce.hex() + " had expired"));
            case REPLAYED -> reasons.add(Reason.of(Layer.VTPM, Reason.Code.NONCE_REPLAYED, "the quoted nonce "
                    + nonce.hex() + " was already used"));
        }
    }

    private static void verifyLayer(Layer layer, Attester attester, Evidence evidence, Bytes qualifyingData,
            List<Reason> reasons, Map<Layer, Baseline> learned) {
        QuoteCheck quote = QuoteVerifier.verify(layer, evidence, attester.ak(), qualifyingData);
        reasons.addAll(quote.reasons());
        if (quote.quotedPcrs().isEmpty()) {
            return;
        }
        PcrValues quoted = quote.quotedPcrs().get();
        Optional<List<VerifiedEvent>> events = evidence.eventLog().map(log -> {
            EventLogCheck check = EventLogCheck.check(layer, log, quoted);
            reasons.addAll(check.reasons());
            return check.verifiedEvents();
        });
        PolicyCheck.Outcome policy = PolicyCheck.check(layer, attester.policy(), quoted, events, attester.baseline());
        reasons.addAll(policy.reasons());
        policy.learned().ifPresent(baseline -> learned.put(layer, baseline));
    }

    private static void checkBinding(Attester vtpm, Attester host, Public bindingKey, DeepEvidence evidence,
            List<Reason> reasons) {
        BindingStatement statement;
        Signature signature;
        try {
            statement = BindingStatement.decode(evidence.binding().toByteArray());
            signature = Codecs.unmarshal(Signature.class, evidence.bindingSignature().toByteArray());
        } catch (TpmFormatException e) {
            reasons.add(Reason.of(Layer.BINDING, Reason.Code.BINDING_MALFORMED, "the binding statement or its "
                    + "signature does not unmarshal: " + e.getMessage()));
            return;
        }
        SignatureVerifier.check(bindingKey, evidence.binding().toByteArray(), signature).ifPresent(problem ->
                reasons.add(Reason.of(Layer.BINDING, Reason.Code.BINDING_SIGNATURE_INVALID, problem)));
        mismatch("vTPM", statement.vtpmId(), vtpm.subject(), reasons);
        mismatch("host", statement.hostId(), host.subject(), reasons);
        mismatch("vTPM attestation key", hex(statement.vtpmAk()), hex(vtpm.ak().name()), reasons);
        mismatch("host attestation key", hex(statement.hostAk()), hex(host.ak().name()), reasons);
    }

    private static void mismatch(String what, String stated, String actual, List<Reason> reasons) {
        if (!stated.equals(actual)) {
            reasons.add(Reason.of(Layer.BINDING, Reason.Code.BINDING_MISMATCH, "the binding statement names "
                    + what + " " + stated + ", the evidence is from " + actual));
        }
    }

    private static String hex(Name name) {
        return Bytes.of(name.buffer()).hex();
    }
}
