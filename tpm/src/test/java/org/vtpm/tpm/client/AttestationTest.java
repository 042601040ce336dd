package org.vtpm.tpm.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.command.CertifyCreation;
import org.vtpm.tpm.command.CertifyCreationResponse;
import org.vtpm.tpm.command.CreatePrimaryResponse;
import org.vtpm.tpm.command.GetTime;
import org.vtpm.tpm.command.GetTimeResponse;
import org.vtpm.tpm.command.Hash;
import org.vtpm.tpm.command.HashResponse;
import org.vtpm.tpm.command.PcrRead;
import org.vtpm.tpm.command.Quote;
import org.vtpm.tpm.command.QuoteResponse;
import org.vtpm.tpm.command.ReadClock;
import org.vtpm.tpm.command.ReadPublic;
import org.vtpm.tpm.command.Sign;
import org.vtpm.tpm.command.VerifySignature;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Attest;
import org.vtpm.tpm.types.CertifyInfo;
import org.vtpm.tpm.types.CreationInfo;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.MaxBuffer;
import org.vtpm.tpm.types.PcrSelect;
import org.vtpm.tpm.types.PcrSelection;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.QuoteInfo;
import org.vtpm.tpm.types.SigScheme;
import org.vtpm.tpm.types.Signature;
import org.vtpm.tpm.types.St;
import org.vtpm.tpm.types.TimeAttestInfo;
import org.vtpm.tpm.types.TkHashcheck;
import org.vtpm.tpm.types.TkVerified;
import org.vtpm.tpm.wire.TpmRc;

/**
 * Sign, VerifySignature, Quote, Certify, CertifyCreation and GetTime against swtpm; every
 * signature is checked with Bouncy Castle and every attestation structure field by field.
 */
class AttestationTest {

    private static final HashAlgorithm SHA256 = HashAlgorithm.SHA256;
    private static final Data NONCE = new Data("fresh nonce".getBytes(StandardCharsets.UTF_8));

    private static SwtpmFixture swtpm;
    private static CreatePrimaryResponse ak;
    private static CreatePrimaryResponse signer;

    @BeforeAll
    static void start() throws Exception {
        swtpm = SwtpmFixture.start();
        ak = swtpm.createPrimary(Handle.RH_OWNER, Templates.eccAttestation());
        signer = swtpm.createPrimary(Handle.RH_OWNER, Templates.rsaSigning());
    }

    @AfterAll
    static void stop() throws IOException {
        if (swtpm != null) {
            swtpm.close();
        }
    }

    @Test
    void anRsaSignatureVerifiesWithBouncyCastleAndOnTheTpm() throws Exception {
        byte[] message = "sign me".getBytes(StandardCharsets.UTF_8);
        Digest digest = new Digest(SHA256.hash(message));
        Signature signature = swtpm.tpm.execute(new Sign(signer.objectHandle(), digest, SigScheme.NULL,
                TkHashcheck.NULL), PasswordSession.empty()).signature();
        assertEquals(AlgId.RSASSA, signature.sigAlg());
        assertTrue(Verifiers.rsassaSha256(signer.outPublic().value(), message, signature));

        TkVerified ticket = swtpm.tpm.execute(new VerifySignature(signer.objectHandle(), digest, signature))
                .validation();
        assertEquals(St.VERIFIED, ticket.tag());
        Digest other = new Digest(SHA256.hash("other".getBytes(StandardCharsets.UTF_8)));
        TpmCommandException e = assertThrows(TpmCommandException.class,
                () -> swtpm.tpm.execute(new VerifySignature(signer.objectHandle(), other, signature)));
        assertEquals(TpmRc.SIGNATURE.withParameter(2), e.rc());
    }

    @Test
    void aRestrictedKeySignsExternalDataOnlyWithTheTicketOfHash() throws Exception {
        byte[] message = "external data".getBytes(StandardCharsets.UTF_8);
        HashResponse hashed = swtpm.tpm.execute(new Hash(new MaxBuffer(message), AlgId.SHA256, Handle.RH_OWNER));
        Signature signature = swtpm.tpm.execute(new Sign(ak.objectHandle(), hashed.outHash(), SigScheme.NULL,
                hashed.validation()), PasswordSession.empty()).signature();
        assertTrue(Verifiers.ecdsaP256(ak.outPublic().value(), SHA256.hash(message), signature));
        TpmCommandException e = assertThrows(TpmCommandException.class, () -> swtpm.tpm.execute(
                new Sign(ak.objectHandle(), hashed.outHash(), SigScheme.NULL, TkHashcheck.NULL),
                PasswordSession.empty()));
        assertEquals(TpmRc.TICKET.withParameter(3), e.rc());
    }

    @Test
    void aQuoteCoversTheNonceAndTheDigestOfThePcrs() throws Exception {
        PcrSelectionList pcrs = PcrSelectionList.of(new PcrSelection(AlgId.SHA256, PcrSelect.of(0, 1, 16)));
        QuoteResponse quote = swtpm.tpm.execute(new Quote(ak.objectHandle(), NONCE, SigScheme.NULL, pcrs),
                PasswordSession.empty());
        Attest attest = quote.quoted().value();
        assertEquals(Attest.TPM_GENERATED_VALUE, attest.magic());
        assertEquals(St.ATTEST_QUOTE, attest.type());
        assertEquals(NONCE, attest.extraData());
        Name qualified = Name.qualified(Name.of(Handle.RH_OWNER), ak.name());
        assertEquals(qualified, attest.qualifiedSigner());
        assertEquals(qualified, swtpm.tpm.execute(new ReadPublic(ak.objectHandle())).qualifiedName());
        QuoteInfo info = (QuoteInfo) attest.attested();
        assertEquals(pcrs, info.pcrSelect());
        List<Digest> values = swtpm.tpm.execute(new PcrRead(pcrs)).pcrValues().digests();
        assertArrayEquals(SHA256.hash(values.stream().map(Digest::buffer).toArray(byte[][]::new)),
                info.pcrDigest().buffer());
        assertTrue(Verifiers.ecdsaP256(ak.outPublic().value(), SHA256.hash(quote.quoted().encoded()),
                quote.signature()));
        byte[] altered = quote.quoted().encoded();
        altered[altered.length - 1] ^= 1;
        assertFalse(Verifiers.ecdsaP256(ak.outPublic().value(), SHA256.hash(altered), quote.signature()));
    }

    @Test
    void certifyVouchesForTheNameOfAKeyInTheTpm() throws Exception {
        var certified = swtpm.tpm.execute(new org.vtpm.tpm.command.Certify(signer.objectHandle(), ak.objectHandle(),
                NONCE, SigScheme.NULL), PasswordSession.empty(), PasswordSession.empty());
        Attest attest = certified.certifyInfo().value();
        assertEquals(St.ATTEST_CERTIFY, attest.type());
        assertEquals(NONCE, attest.extraData());
        assertEquals(signer.name(), ((CertifyInfo) attest.attested()).name());
        assertTrue(Verifiers.ecdsaP256(ak.outPublic().value(), SHA256.hash(certified.certifyInfo().encoded()),
                certified.signature()));
    }

    @Test
    void certifyCreationVouchesThatTheTpmCreatedTheKeyWithThatCreationData() throws Exception {
        CertifyCreationResponse certified = swtpm.tpm.execute(new CertifyCreation(ak.objectHandle(),
                signer.objectHandle(), NONCE, signer.creationHash(), SigScheme.NULL, signer.creationTicket()),
                PasswordSession.empty());
        Attest attest = certified.certifyInfo().value();
        assertEquals(St.ATTEST_CREATION, attest.type());
        CreationInfo info = (CreationInfo) attest.attested();
        assertEquals(signer.name(), info.objectName());
        assertEquals(signer.creationHash(), info.creationHash());
        assertArrayEquals(SHA256.hash(signer.creationData().encoded()), signer.creationHash().buffer());
        assertTrue(Verifiers.ecdsaP256(ak.outPublic().value(), SHA256.hash(certified.certifyInfo().encoded()),
                certified.signature()));
    }

    @Test
    void getTimeSignsTheTpmsClock() throws Exception {
        long before = swtpm.tpm.execute(new ReadClock()).currentTime().time();
        GetTimeResponse time = swtpm.tpm.execute(new GetTime(Handle.RH_ENDORSEMENT, ak.objectHandle(), NONCE,
                SigScheme.NULL), PasswordSession.empty(), PasswordSession.empty());
        Attest attest = time.timeInfo().value();
        assertEquals(St.ATTEST_TIME, attest.type());
        assertEquals(NONCE, attest.extraData());
        assertTrue(((TimeAttestInfo) attest.attested()).time().time() >= before);
        assertTrue(Verifiers.ecdsaP256(ak.outPublic().value(), SHA256.hash(time.timeInfo().encoded()),
                time.signature()));
    }

}
