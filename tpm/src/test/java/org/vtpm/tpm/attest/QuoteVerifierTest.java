package org.vtpm.tpm.attest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.attest.Reason.Code;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.eventlog.Bytes;
import org.vtpm.tpm.testing.RandomValues;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Attest;
import org.vtpm.tpm.types.CertifyInfo;
import org.vtpm.tpm.types.EccParameter;
import org.vtpm.tpm.types.EccPoint;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.Signature;
import org.vtpm.tpm.types.St;
import org.vtpm.tpm.wire.Codecs;

/**
 * The quote checks on quotes made in software, including ones no TPM would make, and on
 * arbitrary bytes: whatever the evidence, the result is a list of reasons, never an exception.
 */
class QuoteVerifierTest {

    private static final SoftwareAk KEY = new SoftwareAk();
    private static final Bytes NONCE = Bytes.of(HashAlgorithm.SHA256.hash(new byte[] {'n'}));
    private static final SortedMap<Integer, Bytes> PCRS = new TreeMap<>();

    static {
        for (int pcr = 0; pcr < 8; pcr++) {
            PCRS.put(pcr, Bytes.of(HashAlgorithm.SHA256.hash(new byte[] {(byte) pcr})));
        }
    }

    private static List<Code> codes(QuoteCheck check) {
        return check.reasons().stream().map(Reason::code).toList();
    }

    @Test
    void aWellMadeQuoteConfirmsItsPcrs() {
        QuoteCheck check = QuoteVerifier.verify(Layer.VTPM, KEY.quote(NONCE, PCRS), KEY.ak(), NONCE);

        assertEquals(List.of(), check.reasons());
        assertEquals(PCRS, check.quotedPcrs().orElseThrow().bank(HashAlgorithm.SHA256));
    }

    @Test
    void anotherQualifyingDataFails() {
        Bytes other = Bytes.of(new byte[32]);
        QuoteCheck check = QuoteVerifier.verify(Layer.HOST, KEY.quote(other, PCRS), KEY.ak(), NONCE);

        assertEquals(List.of(Code.QUALIFYING_DATA_MISMATCH), codes(check));
        assertEquals(Layer.HOST, check.reasons().get(0).layer());
    }

    @Test
    void dataSignedWithoutTheGeneratedMagicFails() throws Exception {
        Evidence good = KEY.quote(NONCE, PCRS);
        Attest attest = Codecs.unmarshal(Attest.class, good.attest().toByteArray());
        byte[] forged = Codecs.marshal(new Attest(0x12345678, attest.type(), attest.qualifiedSigner(),
                attest.extraData(), attest.clockInfo(), attest.firmwareVersion(), attest.attested()));
        Evidence evidence = new Evidence(Bytes.of(forged), Bytes.of(Codecs.marshal(KEY.sign(forged))), good.pcrs(),
                Optional.empty());

        assertEquals(List.of(Code.NOT_TPM_GENERATED), codes(QuoteVerifier.verify(Layer.VTPM, evidence, KEY.ak(), NONCE)));
    }

    @Test
    void anotherAttestationTypeIsNoQuote() throws Exception {
        Evidence good = KEY.quote(NONCE, PCRS);
        Attest attest = Codecs.unmarshal(Attest.class, good.attest().toByteArray());
        byte[] certify = Codecs.marshal(new Attest(attest.magic(), St.ATTEST_CERTIFY, attest.qualifiedSigner(),
                attest.extraData(), attest.clockInfo(), attest.firmwareVersion(),
                new CertifyInfo(KEY.ak().name(), KEY.ak().qualifiedName())));
        Evidence evidence = new Evidence(Bytes.of(certify), Bytes.of(Codecs.marshal(KEY.sign(certify))), good.pcrs(),
                Optional.empty());

        QuoteCheck check = QuoteVerifier.verify(Layer.VTPM, evidence, KEY.ak(), NONCE);

        assertEquals(List.of(Code.NOT_A_QUOTE), codes(check));
        assertTrue(check.quotedPcrs().isEmpty());
    }

    @Test
    void pcrValuesOtherThanTheSelectionFail() {
        Evidence good = KEY.quote(NONCE, PCRS);
        SortedMap<Integer, Bytes> more = new TreeMap<>(PCRS);
        more.put(8, PCRS.get(0));
        Evidence evidence = new Evidence(good.attest(), good.signature(),
                new PcrValues(Map.of(HashAlgorithm.SHA256, more)), Optional.empty());

        QuoteCheck check = QuoteVerifier.verify(Layer.VTPM, evidence, KEY.ak(), NONCE);

        assertEquals(List.of(Code.PCR_SELECTION_MISMATCH), codes(check));
        assertTrue(check.quotedPcrs().isEmpty());
    }

    @Test
    void valuesResizedToKeepTheirConcatenationFail() {
        Evidence good = KEY.quote(NONCE, PCRS);
        SortedMap<Integer, Bytes> shifted = new TreeMap<>(PCRS);
        byte[] first = PCRS.get(0).toByteArray();
        byte[] second = PCRS.get(1).toByteArray();
        byte[] joined = new byte[64];
        System.arraycopy(first, 0, joined, 0, 32);
        System.arraycopy(second, 0, joined, 32, 32);
        shifted.put(0, Bytes.of(Arrays.copyOf(joined, 31)));
        shifted.put(1, Bytes.of(Arrays.copyOfRange(joined, 31, 64)));
        Evidence evidence = new Evidence(good.attest(), good.signature(),
                new PcrValues(Map.of(HashAlgorithm.SHA256, shifted)), Optional.empty());

        assertEquals(List.of(Code.EVIDENCE_MALFORMED), codes(QuoteVerifier.verify(Layer.VTPM, evidence, KEY.ak(), NONCE)));
    }

    @Test
    void aKeyWhosePointIsNotOnTheCurveVerifiesNothing() {
        Public area = KEY.ak().publicArea();
        EccPoint point = (EccPoint) area.unique();
        byte[] y = point.y().buffer();
        y[31] ^= 1;
        Public offCurve = new Public(area.type(), area.nameAlg(), area.objectAttributes(), area.authPolicy(),
                area.parameters(), new EccPoint(point.x(), new EccParameter(y)));
        AttestationKey broken = new AttestationKey(offCurve, KEY.ak().qualifiedName());

        QuoteCheck check = QuoteVerifier.verify(Layer.VTPM, KEY.quote(NONCE, PCRS), broken, NONCE);

        assertEquals(List.of(Code.SIGNATURE_INVALID), codes(check));
        assertTrue(check.reasons().get(0).message().contains("not on"), check.reasons().get(0).message());
    }

    @Property(tries = 300)
    void corruptedAttestOrSignatureBytesFailWithoutThrowing(@ForAll("corruptions") Corruption corruption) {
        Evidence good = KEY.quote(NONCE, PCRS);
        Evidence evidence = corruption.inSignature
                ? new Evidence(good.attest(), corruption.apply(good.signature()), good.pcrs(), Optional.empty())
                : new Evidence(corruption.apply(good.attest()), good.signature(), good.pcrs(), Optional.empty());

        QuoteCheck check = QuoteVerifier.verify(Layer.VTPM, evidence, KEY.ak(), NONCE);

        assertFalse(check.reasons().isEmpty(), "a corrupted quote passed: " + corruption);
    }

    @Property(tries = 200)
    void arbitraryEvidenceFailsWithoutThrowing(@ForAll @Size(max = 400) byte[] attest,
            @ForAll @Size(max = 200) byte[] signature, @ForAll @Size(max = 400) byte[] log) {
        AttestationVerifier verifier = new AttestationVerifier(new InMemoryNonceRegistry(1, Duration.ZERO),
                Clock.systemUTC());
        Attester attester = new Attester("vtpm", KEY.ak(), AttestationPolicy.baseline(), Optional.empty());

        Verdict verdict = verifier.verify(attester, new Evidence(Bytes.of(attest), Bytes.of(signature),
                new PcrValues(Map.of(HashAlgorithm.SHA256, PCRS)), Optional.of(Bytes.of(log))));

        assertFalse(verdict.passed());
    }

    /**
     * Well-formed but arbitrary signatures, checked with the real key and with arbitrary RSA and ECC
     * keys: whatever the algorithms, curves and sizes, the signature is invalid and nothing throws.
     * (The PCR digest may then fail too: it is computed with the signature's hash.)
     */
    @Property(tries = 300)
    void arbitraryWellFormedSignaturesAndKeysAreJudgedWithoutThrowing(@ForAll long seed) {
        RandomValues random = new RandomValues(seed);
        Evidence good = KEY.quote(NONCE, PCRS);
        Evidence evidence = new Evidence(good.attest(), Bytes.of(Codecs.marshal(random.next(Signature.class))),
                good.pcrs(), Optional.empty());
        List<AttestationKey> keys = new ArrayList<>(List.of(KEY.ak()));
        Public area = random.next(Public.class);
        if (area.type().equals(AlgId.RSA) || area.type().equals(AlgId.ECC)) {
            keys.add(new AttestationKey(new Public(area.type(), area.nameAlg(), KEY.ak().publicArea().objectAttributes(),
                    area.authPolicy(), area.parameters(), area.unique()), KEY.ak().qualifiedName()));
        }

        for (AttestationKey ak : keys) {
            assertEquals(Code.SIGNATURE_INVALID, codes(QuoteVerifier.verify(Layer.VTPM, evidence, ak, NONCE)).get(0));
        }
    }

    record Corruption(boolean inSignature, int position, int flip, boolean truncate) {

        Bytes apply(Bytes bytes) {
            byte[] copy = bytes.toByteArray();
            int at = position % copy.length;
            if (truncate) {
                return Bytes.of(Arrays.copyOf(copy, at));
            }
            copy[at] ^= (byte) flip;
            return Bytes.of(copy);
        }
    }

    @Provide
    Arbitrary<Corruption> corruptions() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(1, 255), Arbitraries.of(true, false)).as(Corruption::new);
    }
}
