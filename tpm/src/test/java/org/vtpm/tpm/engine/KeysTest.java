package org.vtpm.tpm.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;

import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.client.PasswordSession;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.client.TpmCommandException;
import org.vtpm.tpm.command.Certify;
import org.vtpm.tpm.command.CertifyCreation;
import org.vtpm.tpm.command.CertifyCreationResponse;
import org.vtpm.tpm.command.CertifyResponse;
import org.vtpm.tpm.command.ContextLoad;
import org.vtpm.tpm.command.ContextSave;
import org.vtpm.tpm.command.Create;
import org.vtpm.tpm.command.CreatePrimary;
import org.vtpm.tpm.command.CreatePrimaryResponse;
import org.vtpm.tpm.command.CreateResponse;
import org.vtpm.tpm.command.EvictControl;
import org.vtpm.tpm.command.FlushContext;
import org.vtpm.tpm.command.GetTime;
import org.vtpm.tpm.command.GetTimeResponse;
import org.vtpm.tpm.command.Hash;
import org.vtpm.tpm.command.HashResponse;
import org.vtpm.tpm.command.Hmac;
import org.vtpm.tpm.command.Load;
import org.vtpm.tpm.command.PcrRead;
import org.vtpm.tpm.command.Quote;
import org.vtpm.tpm.command.QuoteResponse;
import org.vtpm.tpm.command.ReadClock;
import org.vtpm.tpm.command.ReadPublic;
import org.vtpm.tpm.command.Sign;
import org.vtpm.tpm.command.SignResponse;
import org.vtpm.tpm.command.Startup;
import org.vtpm.tpm.command.VerifySignature;
import org.vtpm.tpm.command.VerifySignatureResponse;
import org.vtpm.tpm.crypto.EccCurve;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.engine.keys.KeyMaterial;
import org.vtpm.tpm.transport.InProcessTransport;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Attest;
import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.CertifyInfo;
import org.vtpm.tpm.types.Context;
import org.vtpm.tpm.types.ContextData;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.MaxBuffer;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.PcrSelect;
import org.vtpm.tpm.types.PcrSelection;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Private;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.QuoteInfo;
import org.vtpm.tpm.types.SchemeHash;
import org.vtpm.tpm.types.SensitiveCreate;
import org.vtpm.tpm.types.SensitiveData;
import org.vtpm.tpm.types.SigScheme;
import org.vtpm.tpm.types.Signature;
import org.vtpm.tpm.types.SignatureEcc;
import org.vtpm.tpm.types.St;
import org.vtpm.tpm.types.Su;
import org.vtpm.tpm.types.TkHashcheck;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.Tpm2b;
import org.vtpm.tpm.wire.TpmRc;

class KeysTest {

    private Engine engine;
    private Tpm tpm;

    @BeforeEach
    void start() throws Exception {
        engine = Engine.manufacture(new SecureRandom());
        tpm = new Tpm(new InProcessTransport(engine, "keys-test"));
        tpm.execute(new Startup(Su.CLEAR));
    }

    private CreatePrimaryResponse primary(Handle hierarchy, Public template) throws Exception {
        return tpm.execute(new CreatePrimary(hierarchy, Tpm2b.of(SensitiveCreate.EMPTY), Tpm2b.of(template),
                Data.EMPTY, PcrSelectionList.EMPTY), PasswordSession.empty());
    }

    private void flush(Handle handle) throws Exception {
        tpm.execute(new FlushContext(handle));
    }

    @Test
    void primariesAreReproducibleFromTheSeedAndCached() throws Exception {
        for (Public template : List.of(Templates.ecc(0x0003, Templates.SIGNING, AlgId.ECDSA, AlgId.SHA256),
                Templates.ecc(0x0004, Templates.SIGNING, AlgId.NULL, AlgId.NULL), Templates.rsaStorage(),
                Templates.rsa(3072, Templates.SIGNING, AlgId.RSASSA, AlgId.SHA384))) {
            long t0 = System.nanoTime();
            CreatePrimaryResponse first = primary(Handle.RH_OWNER, template);
            long t1 = System.nanoTime();
            flush(first.objectHandle());
            CreatePrimaryResponse second = primary(Handle.RH_OWNER, template);
            long t2 = System.nanoTime();
            flush(second.objectHandle());
            assertEquals(first.outPublic(), second.outPublic(), template.type().toString());
            assertEquals(first.name(), second.name());
            if (template.type().equals(AlgId.RSA)) {
                assertTrue(t2 - t1 < (t1 - t0) / 4,
                        "the second RSA derivation comes from the cache, without a prime search");
            }
            CreatePrimaryResponse endorsement = primary(Handle.RH_ENDORSEMENT, template);
            assertNotEquals(first.outPublic(), endorsement.outPublic(), "each hierarchy has its own seed");
            flush(endorsement.objectHandle());
        }
    }

    @Test
    void theNullHierarchyForgetsItsPrimariesAtReset() throws Exception {
        Public template = Templates.ecc(0x0003, Templates.SIGNING, AlgId.ECDSA, AlgId.SHA256);
        Tpm2b<Public> before = primary(Handle.RH_NULL, template).outPublic();
        Tpm2b<Public> owner = primary(Handle.RH_OWNER, template).outPublic();
        engine.tpmInit();
        tpm.execute(new Startup(Su.CLEAR));
        assertNotEquals(before, primary(Handle.RH_NULL, template).outPublic());
        assertEquals(owner, primary(Handle.RH_OWNER, template).outPublic());
    }

    @Test
    void ecdsaSignaturesVerifyOutsideAndInside() throws Exception {
        CreatePrimaryResponse key = primary(Handle.RH_OWNER, Templates.ecc(0x0003, Templates.SIGNING, AlgId.NULL,
                AlgId.NULL));
        byte[] digest = HashAlgorithm.SHA256.hash("message".getBytes());
        SignResponse signed = tpm.execute(new Sign(key.objectHandle(), new Digest(digest),
                new SigScheme(AlgId.ECDSA, new SchemeHash(AlgId.SHA256)), TkHashcheck.NULL), PasswordSession.empty());
        SignatureEcc sig = (SignatureEcc) signed.signature().signature();
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, (ECPublicKeyParameters) KeyMaterial.publicKey(key.outPublic().value()).orElseThrow());
        assertTrue(verifier.verifySignature(digest, new BigInteger(1, sig.signatureR().buffer()),
                new BigInteger(1, sig.signatureS().buffer())));
        assertEquals(EccCurve.NIST_P256.coordinateSize(), sig.signatureR().size());

        VerifySignatureResponse verified = tpm.execute(new VerifySignature(key.objectHandle(), new Digest(digest),
                signed.signature()));
        assertEquals(St.VERIFIED, verified.validation().tag());
        assertEquals(Handle.RH_OWNER, verified.validation().hierarchy());

        byte[] other = HashAlgorithm.SHA256.hash("other".getBytes());
        TpmCommandException e = assertThrows(TpmCommandException.class,
                () -> tpm.execute(new VerifySignature(key.objectHandle(), new Digest(other), signed.signature())));
        assertEquals(TpmRc.SIGNATURE.withParameter(2), e.rc());
    }

    @Test
    void rsaSchemesSignAndVerify() throws Exception {
        CreatePrimaryResponse key = primary(Handle.RH_OWNER, Templates.rsa(2048, Templates.SIGNING, AlgId.NULL,
                AlgId.NULL));
        byte[] digest = HashAlgorithm.SHA384.hash("message".getBytes());
        for (AlgId scheme : List.of(AlgId.RSASSA, AlgId.RSAPSS)) {
            Signature signature = tpm.execute(new Sign(key.objectHandle(), new Digest(digest),
                    new SigScheme(scheme, new SchemeHash(AlgId.SHA384)), TkHashcheck.NULL),
                    PasswordSession.empty()).signature();
            assertEquals(scheme, signature.sigAlg());
            tpm.execute(new VerifySignature(key.objectHandle(), new Digest(digest), signature));
        }
        TpmCommandException e = assertThrows(TpmCommandException.class, () -> tpm.execute(new Sign(
                key.objectHandle(), new Digest(digest), SigScheme.NULL, TkHashcheck.NULL), PasswordSession.empty()));
        assertEquals(TpmRc.SCHEME.withParameter(2), e.rc(), "a key without a scheme needs one named");
    }

    @Test
    void restrictedKeysSignOnlyWithATicket() throws Exception {
        CreatePrimaryResponse key = primary(Handle.RH_ENDORSEMENT, Templates.ecc(0x0003, Templates.ATTESTATION,
                AlgId.ECDSA, AlgId.SHA256));
        byte[] data = "external data".getBytes();
        byte[] digest = HashAlgorithm.SHA256.hash(data);
        TpmCommandException e = assertThrows(TpmCommandException.class, () -> tpm.execute(new Sign(
                key.objectHandle(), new Digest(digest), SigScheme.NULL, TkHashcheck.NULL), PasswordSession.empty()));
        assertEquals(TpmRc.TICKET.withParameter(3), e.rc());
        HashResponse hashed = tpm.execute(new Hash(new MaxBuffer(data), AlgId.SHA256, Handle.RH_OWNER));
        tpm.execute(new Sign(key.objectHandle(), hashed.outHash(), SigScheme.NULL, hashed.validation()),
                PasswordSession.empty());
    }

    @Test
    void quotesCoverThePcrsAndVerify() throws Exception {
        CreatePrimaryResponse key = primary(Handle.RH_ENDORSEMENT, Templates.ecc(0x0004, Templates.ATTESTATION,
                AlgId.ECDSA, AlgId.SHA384));
        PcrSelectionList selection = PcrSelectionList.of(new PcrSelection(AlgId.SHA256, PcrSelect.of(0, 1, 17)));
        QuoteResponse quote = tpm.execute(new Quote(key.objectHandle(), new Data("nonce".getBytes()),
                SigScheme.NULL, selection), PasswordSession.empty());
        Attest attest = quote.quoted().value();
        assertEquals(Attest.TPM_GENERATED_VALUE, attest.magic());
        assertEquals(St.ATTEST_QUOTE, attest.type());
        assertArrayEquals("nonce".getBytes(), attest.extraData().buffer());
        List<Digest> values = tpm.execute(new PcrRead(selection)).pcrValues().digests();
        byte[] expected = HashAlgorithm.SHA384.hash(values.get(0).buffer(), values.get(1).buffer(),
                values.get(2).buffer());
        assertArrayEquals(expected, ((QuoteInfo) attest.attested()).pcrDigest().buffer());
        tpm.execute(new VerifySignature(key.objectHandle(),
                new Digest(HashAlgorithm.SHA384.hash(quote.quoted().encoded())), quote.signature()));
        assertEquals(tpm.execute(new ReadClock()).currentTime().clockInfo().resetCount(),
                attest.clockInfo().resetCount(), "endorsement keys see the real counters");
    }

    @Test
    void keyedHashKeysComputeHmacs() throws Exception {
        byte[] secret = "0123456789abcdef".getBytes();
        Public template = new Public(AlgId.KEYEDHASH, AlgId.SHA256, Templates.SIGNING.without(
                ObjectAttributes.SENSITIVE_DATA_ORIGIN), Digest.EMPTY,
                Templates.hmac(AlgId.SHA256).parameters(), Digest.EMPTY);
        CreatePrimaryResponse key = tpm.execute(new CreatePrimary(Handle.RH_OWNER, Tpm2b.of(new SensitiveCreate(
                new Auth("pw".getBytes()), new SensitiveData(secret))), Tpm2b.of(template), Data.EMPTY,
                PcrSelectionList.EMPTY), PasswordSession.empty());
        Digest mac = tpm.execute(new Hmac(key.objectHandle(), new MaxBuffer("data".getBytes()), AlgId.NULL),
                PasswordSession.of("pw")).outHMAC();
        assertArrayEquals(org.vtpm.tpm.crypto.Hmac.compute(HashAlgorithm.SHA256, secret, "data".getBytes()),
                mac.buffer());
        TpmCommandException e = assertThrows(TpmCommandException.class, () -> tpm.execute(new Hmac(
                key.objectHandle(), new MaxBuffer(new byte[1]), AlgId.NULL), PasswordSession.of("wrong")));
        assertEquals(TpmRc.AUTH_FAIL.withSession(1), e.rc(), "keys without noDA count failures");
    }

    @Test
    void childrenAreWrappedByTheirParentAndLoadOnlyUnderIt() throws Exception {
        CreatePrimaryResponse srk = primary(Handle.RH_OWNER, Templates.rsaStorage());
        Public template = Templates.ecc(0x0003, Templates.SIGNING, AlgId.ECDSA, AlgId.SHA256);
        CreateResponse child = tpm.execute(new Create(srk.objectHandle(), Tpm2b.of(new SensitiveCreate(
                new Auth("child".getBytes()), SensitiveData.EMPTY)), Tpm2b.of(template), Data.EMPTY,
                PcrSelectionList.EMPTY), PasswordSession.empty());
        Handle loaded = tpm.execute(new Load(srk.objectHandle(), child.outPrivate(), child.outPublic()),
                PasswordSession.empty()).objectHandle();
        byte[] digest = HashAlgorithm.SHA256.hash("m".getBytes());
        Signature signature = tpm.execute(new Sign(loaded, new Digest(digest), SigScheme.NULL, TkHashcheck.NULL),
                PasswordSession.of("child")).signature();
        tpm.execute(new VerifySignature(loaded, new Digest(digest), signature));
        flush(loaded);

        byte[] tampered = child.outPrivate().buffer();
        tampered[tampered.length - 1] ^= 1;
        TpmCommandException e = assertThrows(TpmCommandException.class, () -> tpm.execute(new Load(
                srk.objectHandle(), new Private(tampered), child.outPublic()), PasswordSession.empty()));
        assertEquals(TpmRc.INTEGRITY.withParameter(1), e.rc());

        CreatePrimaryResponse otherParent = primary(Handle.RH_ENDORSEMENT, Templates.rsaStorage());
        e = assertThrows(TpmCommandException.class, () -> tpm.execute(new Load(otherParent.objectHandle(),
                child.outPrivate(), child.outPublic()), PasswordSession.empty()));
        assertEquals(TpmRc.INTEGRITY.withParameter(1), e.rc());
    }

    @Test
    void evictControlPersistsAcrossPowerCyclesAndStates() throws Exception {
        CreatePrimaryResponse srk = primary(Handle.RH_OWNER, Templates.rsaStorage());
        Handle persistent = new Handle(0x81000001);
        tpm.execute(new EvictControl(Handle.RH_OWNER, srk.objectHandle(), persistent), PasswordSession.empty());
        TpmCommandException e = assertThrows(TpmCommandException.class, () -> tpm.execute(new EvictControl(
                Handle.RH_OWNER, srk.objectHandle(), new Handle(0x81800001)), PasswordSession.empty()));
        assertEquals(TpmRc.RANGE.withParameter(1), e.rc());
        engine.tpmInit();
        tpm.execute(new Startup(Su.CLEAR));
        Engine restored = Engine.restore(engine.saveState());
        Tpm other = new Tpm(new InProcessTransport(restored, "restored"));
        assertEquals(srk.outPublic(), other.execute(new ReadPublic(persistent)).outPublic());
        other.execute(new EvictControl(Handle.RH_OWNER, persistent, persistent), PasswordSession.empty());
        e = assertThrows(TpmCommandException.class, () -> other.execute(new ReadPublic(persistent)));
        assertEquals(TpmRc.HANDLE.withHandle(1), e.rc());
    }

    @Test
    void savedContextsLoadBackOnlyUnchangedAndBeforeAReset() throws Exception {
        CreatePrimaryResponse key = primary(Handle.RH_OWNER, Templates.ecc(0x0003, Templates.SIGNING, AlgId.ECDSA,
                AlgId.SHA256));
        Context saved = tpm.execute(new ContextSave(key.objectHandle())).context();
        flush(key.objectHandle());
        Handle loaded = tpm.execute(new ContextLoad(saved)).loadedHandle();
        assertEquals(key.outPublic(), tpm.execute(new ReadPublic(loaded)).outPublic());
        flush(loaded);

        byte[] blob = saved.contextBlob().buffer();
        blob[blob.length - 1] ^= 1;
        Context tampered = new Context(saved.sequence(), saved.savedHandle(), saved.hierarchy(),
                new ContextData(blob));
        TpmCommandException e = assertThrows(TpmCommandException.class, () -> tpm.execute(new ContextLoad(tampered)));
        assertEquals(TpmRc.INTEGRITY.withParameter(1), e.rc());

        engine.tpmInit();
        tpm.execute(new Startup(Su.CLEAR));
        e = assertThrows(TpmCommandException.class, () -> tpm.execute(new ContextLoad(saved)));
        assertEquals(TpmRc.INTEGRITY.withParameter(1), e.rc());
    }

    @Test
    void certificationsSignWhatTheyClaim() throws Exception {
        CreatePrimaryResponse ak = primary(Handle.RH_ENDORSEMENT, Templates.ecc(0x0003, Templates.ATTESTATION,
                AlgId.ECDSA, AlgId.SHA256));
        CreatePrimaryResponse subject = primary(Handle.RH_OWNER, Templates.rsaStorage());
        CertifyResponse certified = tpm.execute(new Certify(subject.objectHandle(), ak.objectHandle(),
                new Data(new byte[] {7}), SigScheme.NULL), PasswordSession.empty(), PasswordSession.empty());
        assertEquals(subject.name(), ((CertifyInfo) certified.certifyInfo().value().attested()).name());
        tpm.execute(new VerifySignature(ak.objectHandle(),
                new Digest(HashAlgorithm.SHA256.hash(certified.certifyInfo().encoded())), certified.signature()));

        CertifyCreationResponse creation = tpm.execute(new CertifyCreation(ak.objectHandle(),
                subject.objectHandle(), Data.EMPTY, subject.creationHash(), SigScheme.NULL, subject.creationTicket()),
                PasswordSession.empty());
        assertEquals(St.ATTEST_CREATION, creation.certifyInfo().value().type());
        TpmCommandException e = assertThrows(TpmCommandException.class, () -> tpm.execute(new CertifyCreation(
                ak.objectHandle(), subject.objectHandle(), Data.EMPTY, new Digest(new byte[32]), SigScheme.NULL,
                subject.creationTicket()), PasswordSession.empty()));
        assertEquals(TpmRc.TICKET.withParameter(4), e.rc());

        GetTimeResponse time = tpm.execute(new GetTime(Handle.RH_ENDORSEMENT, ak.objectHandle(), Data.EMPTY,
                SigScheme.NULL), PasswordSession.empty(), PasswordSession.empty());
        assertEquals(St.ATTEST_TIME, time.timeInfo().value().type());
        tpm.execute(new VerifySignature(ak.objectHandle(),
                new Digest(HashAlgorithm.SHA256.hash(time.timeInfo().encoded())), time.signature()));
    }

    @Test
    void policyOnlyObjectsRefusePasswords() throws Exception {
        Public ekLike = Templates.ecc(0x0003, Templates.SIGNING.without(ObjectAttributes.USER_WITH_AUTH)
                .with(ObjectAttributes.ADMIN_WITH_POLICY), AlgId.ECDSA, AlgId.SHA256);
        CreatePrimaryResponse key = primary(Handle.RH_ENDORSEMENT, ekLike);
        TpmCommandException e = assertThrows(TpmCommandException.class, () -> tpm.execute(new Sign(
                key.objectHandle(), new Digest(new byte[32]), SigScheme.NULL, TkHashcheck.NULL),
                PasswordSession.empty()));
        assertEquals(TpmRc.AUTH_UNAVAILABLE, e.rc());
    }

    @Test
    void loadedKeysSurviveSaveAndRestore() throws Exception {
        CreatePrimaryResponse key = primary(Handle.RH_OWNER, Templates.rsaStorage());
        byte[] saved = engine.saveState();
        Engine restored = Engine.restore(saved);
        assertArrayEquals(saved, restored.saveState());
        Tpm other = new Tpm(new InProcessTransport(restored, "restored"));
        assertEquals(key.outPublic(), other.execute(new ReadPublic(key.objectHandle())).outPublic());
        assertEquals(Codecs.marshal(key.name()).length, Codecs.marshal(
                other.execute(new ReadPublic(key.objectHandle())).name()).length);
    }
}
