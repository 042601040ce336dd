package org.vtpm.tpm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.client.PasswordSession;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.client.TpmCommandException;
import org.vtpm.tpm.command.Certify;
import org.vtpm.tpm.command.CertifyResponse;
import org.vtpm.tpm.command.ContextLoad;
import org.vtpm.tpm.command.ContextSave;
import org.vtpm.tpm.command.Create;
import org.vtpm.tpm.command.CreatePrimary;
import org.vtpm.tpm.command.CreatePrimaryResponse;
import org.vtpm.tpm.command.CreateResponse;
import org.vtpm.tpm.command.EvictControl;
import org.vtpm.tpm.command.FlushContext;
import org.vtpm.tpm.command.Load;
import org.vtpm.tpm.command.LoadExternal;
import org.vtpm.tpm.command.Quote;
import org.vtpm.tpm.command.QuoteResponse;
import org.vtpm.tpm.command.ReadPublic;
import org.vtpm.tpm.command.Sign;
import org.vtpm.tpm.command.VerifySignature;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.Context;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.PcrSelect;
import org.vtpm.tpm.types.PcrSelection;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.QuoteInfo;
import org.vtpm.tpm.types.SchemeHash;
import org.vtpm.tpm.types.Sensitive;
import org.vtpm.tpm.types.SensitiveCreate;
import org.vtpm.tpm.types.SensitiveData;
import org.vtpm.tpm.types.SigScheme;
import org.vtpm.tpm.types.Signature;
import org.vtpm.tpm.types.TkHashcheck;
import org.vtpm.tpm.wire.Tpm2b;

/**
 * Keys against swtpm: the same templates are accepted or refused with the same codes and give the
 * same public areas but for the key itself, and each side's signatures verify on the other.
 */
class SwtpmKeysDifferentialTest {

    private static Differential both;
    private Tpm engine;
    private Tpm swtpm;

    @BeforeAll
    static void startSwtpm() throws IOException {
        both = new Differential();
    }

    @AfterAll
    static void stopSwtpm() throws IOException {
        both.close();
    }

    @BeforeEach
    void powerCycle() throws IOException {
        both.restart();
        engine = both.engineTpm();
        swtpm = both.swtpmTpm();
    }

    private static CreatePrimaryResponse primary(Tpm tpm, Handle hierarchy, Public template) throws Exception {
        return tpm.execute(new CreatePrimary(hierarchy, Tpm2b.of(SensitiveCreate.EMPTY), Tpm2b.of(template),
                Data.EMPTY, PcrSelectionList.EMPTY), PasswordSession.empty());
    }

    private static Public withoutKey(Public p) {
        return new Public(p.type(), p.nameAlg(), p.objectAttributes(), p.authPolicy(), p.parameters(),
                Templates.ecc(3, ObjectAttributes.NONE, AlgId.NULL, AlgId.NULL).unique());
    }

    @Test
    void templatesGiveTheSamePublicAreasButTheKey() throws Exception {
        for (Public template : List.of(Templates.ecc(0x0003, Templates.SIGNING, AlgId.ECDSA, AlgId.SHA256),
                Templates.ecc(0x0004, Templates.ATTESTATION, AlgId.ECDSA, AlgId.SHA384), Templates.rsaStorage(),
                Templates.rsa(2048, Templates.SIGNING, AlgId.RSAPSS, AlgId.SHA256))) {
            CreatePrimaryResponse ours = primary(engine, Handle.RH_OWNER, template);
            CreatePrimaryResponse theirs = primary(swtpm, Handle.RH_OWNER, template);
            assertEquals(withoutKey(theirs.outPublic().value()), withoutKey(ours.outPublic().value()));
            assertEquals(theirs.objectHandle(), ours.objectHandle());
            assertEquals(theirs.creationData(), ours.creationData());
            engine.execute(new FlushContext(ours.objectHandle()));
            swtpm.execute(new FlushContext(theirs.objectHandle()));
        }
    }

    @Test
    void childrenAndPersistentObjectsBehaveAlike() throws Exception {
        Public template = Templates.rsa(2048, Templates.SIGNING, AlgId.RSASSA, AlgId.SHA256);
        byte[] digest = HashAlgorithm.SHA256.hash("child".getBytes());
        Handle persistent = new Handle(0x81000005);
        List<Signature> signatures = new ArrayList<>();
        List<Tpm2b<Public>> publics = new ArrayList<>();
        for (Tpm tpm : List.of(engine, swtpm)) {
            CreatePrimaryResponse srk = primary(tpm, Handle.RH_OWNER, Templates.rsaStorage());
            CreateResponse child = tpm.execute(new Create(srk.objectHandle(), Tpm2b.of(SensitiveCreate.EMPTY),
                    Tpm2b.of(template), Data.EMPTY, PcrSelectionList.EMPTY), PasswordSession.empty());
            Handle loaded = tpm.execute(new Load(srk.objectHandle(), child.outPrivate(), child.outPublic()),
                    PasswordSession.empty()).objectHandle();
            tpm.execute(new EvictControl(Handle.RH_OWNER, loaded, persistent), PasswordSession.empty());
            tpm.execute(new FlushContext(loaded));
            signatures.add(tpm.execute(new Sign(persistent, new Digest(digest), SigScheme.NULL, TkHashcheck.NULL),
                    PasswordSession.empty()).signature());
            publics.add(child.outPublic());
            tpm.execute(new FlushContext(srk.objectHandle()));
        }
        assertEquals(withoutKey(publics.get(1).value()), withoutKey(publics.get(0).value()));
        both.sameBytes("8001 00000000 0000017a 00000001 81000000 00000010");
        both.sameBytes("8002 00000000 00000120 40000001 81000005 00000009 40000009 0000 01 0000 81000006");
        both.sameBytes("8002 00000000 00000120 4000000c 81000005 00000009 40000009 0000 01 0000 81000005");
        for (int i = 0; i < 2; i++) {
            Tpm verifier = i == 0 ? swtpm : engine;
            Handle loaded = verifier.execute(new LoadExternal(Tpm2b.<Sensitive>empty(), publics.get(i),
                    Handle.RH_OWNER)).objectHandle();
            verifier.execute(new VerifySignature(loaded, new Digest(digest), signatures.get(i)));
            verifier.execute(new FlushContext(loaded));
        }
        both.sameBytes("8002 00000000 00000120 40000001 81000005 00000009 40000009 0000 01 0000 81000005");
        both.sameBytes("8001 00000000 0000017a 00000001 81000000 00000010");
    }

    @Test
    void dictionaryAttackLockoutAlike() throws Exception {
        Public template = Templates.hmac(AlgId.SHA256);
        for (Tpm tpm : List.of(engine, swtpm)) {
            tpm.execute(new CreatePrimary(Handle.RH_OWNER, Tpm2b.of(new SensitiveCreate(new Auth("pw".getBytes()),
                    SensitiveData.EMPTY)), Tpm2b.of(template), Data.EMPTY, PcrSelectionList.EMPTY),
                    PasswordSession.empty());
        }
        String hmacWrong = "8002 00000000 00000155 80000000 0000000b 40000009 0000 01 0002 7878 0001 61 0010";
        String hmacRight = "8002 00000000 00000155 80000000 0000000b 40000009 0000 01 0002 7077 0001 61 0010";
        for (int i = 0; i < 4; i++) {
            both.sameBytes(hmacWrong);
        }
        both.sameBytes(hmacRight);
        both.sameBytes("8001 00000000 0000017a 00000006 0000020e 00000004");
        both.sameBytes("8001 00000000 0000017a 00000006 00000200 00000001");
        both.sameBytes("8002 00000000 00000139 4000000a 00000009 40000009 0000 01 0000");
        both.sameCode(hmacRight);
        both.sameBytes("8001 00000000 0000017a 00000006 0000020e 00000001");
    }

    @Test
    void certifyContextsAndPolicyOnlyObjectsAlike() throws Exception {
        Public ekLike = Templates.ecc(0x0003, Templates.SIGNING.without(ObjectAttributes.USER_WITH_AUTH)
                .with(ObjectAttributes.ADMIN_WITH_POLICY), AlgId.ECDSA, AlgId.SHA256);
        Public akTemplate = Templates.ecc(0x0003, Templates.ATTESTATION, AlgId.ECDSA, AlgId.SHA256);
        List<Handle> handles = new ArrayList<>();
        for (Tpm tpm : List.of(engine, swtpm)) {
            Handle ek = primary(tpm, Handle.RH_ENDORSEMENT, ekLike).objectHandle();
            CreatePrimaryResponse ak = primary(tpm, Handle.RH_ENDORSEMENT, akTemplate);
            Context saved = tpm.execute(new ContextSave(ak.objectHandle())).context();
            tpm.execute(new FlushContext(ak.objectHandle()));
            Handle reloaded = tpm.execute(new ContextLoad(saved)).loadedHandle();
            handles.add(reloaded);
            CertifyResponse certified = tpm.execute(new Certify(reloaded, reloaded, Data.EMPTY, SigScheme.NULL),
                    PasswordSession.empty(), PasswordSession.empty());
            Tpm other = tpm == engine ? swtpm : engine;
            Handle loaded = other.execute(new LoadExternal(Tpm2b.<Sensitive>empty(), ak.outPublic(),
                    Handle.RH_ENDORSEMENT)).objectHandle();
            other.execute(new VerifySignature(loaded,
                    new Digest(HashAlgorithm.SHA256.hash(certified.certifyInfo().encoded())), certified.signature()));
            other.execute(new FlushContext(loaded));
            assertEquals(ek, new Handle(0x80000000));
        }
        assertEquals(handles.get(1), handles.get(0));
        both.sameBytes("8002 00000000 0000015d 80000000 " + "00000009 40000009 0000 01 0000"
                + " 0020 " + "00".repeat(32) + " 0010 8024 40000007 0000");
    }

    @Test
    void badTemplatesAreRefusedAlike() throws IOException {
        List<Public> bad = List.of(
                Templates.ecc(0x0003, Templates.ATTESTATION, AlgId.NULL, AlgId.NULL),
                Templates.ecc(0x0003, Templates.SIGNING.without(ObjectAttributes.FIXED_PARENT), AlgId.NULL, AlgId.NULL),
                Templates.ecc(0x0003, Templates.ATTESTATION.with(ObjectAttributes.DECRYPT), AlgId.ECDSA, AlgId.SHA256),
                Templates.rsa(2048, Templates.SIGNING.with(ObjectAttributes.DECRYPT), AlgId.RSASSA, AlgId.SHA256));
        for (Public template : bad) {
            assertEquals(code(() -> primary(swtpm, Handle.RH_OWNER, template)),
                    code(() -> primary(engine, Handle.RH_OWNER, template)), template.toString());
        }
        assertEquals(code(() -> swtpm.execute(new ReadPublic(new Handle(0x80000002)))),
                code(() -> engine.execute(new ReadPublic(new Handle(0x80000002)))));
    }

    private interface Call {
        void run() throws Exception;
    }

    private static String code(Call call) {
        try {
            call.run();
            return "success";
        } catch (TpmCommandException e) {
            return e.rc().toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void signaturesVerifyAcross() throws Exception {
        for (Public template : List.of(Templates.ecc(0x0003, Templates.SIGNING, AlgId.ECDSA, AlgId.SHA256),
                Templates.rsa(2048, Templates.SIGNING, AlgId.RSASSA, AlgId.SHA256),
                Templates.rsa(2048, Templates.SIGNING, AlgId.RSAPSS, AlgId.SHA256))) {
            byte[] digest = HashAlgorithm.SHA256.hash(template.toString().getBytes());
            crossVerify(engine, swtpm, template, digest);
            crossVerify(swtpm, engine, template, digest);
        }
    }

    /** A key made and used by {@code signer}; its public part loaded into {@code verifier}, which checks. */
    private static void crossVerify(Tpm signer, Tpm verifier, Public template, byte[] digest) throws Exception {
        CreatePrimaryResponse key = primary(signer, Handle.RH_OWNER, template);
        Signature signature = signer.execute(new Sign(key.objectHandle(), new Digest(digest), SigScheme.NULL,
                TkHashcheck.NULL), PasswordSession.empty()).signature();
        Handle loaded = verifier.execute(new LoadExternal(Tpm2b.<Sensitive>empty(), key.outPublic(),
                Handle.RH_OWNER)).objectHandle();
        verifier.execute(new VerifySignature(loaded, new Digest(digest), signature));
        verifier.execute(new FlushContext(loaded));
        signer.execute(new FlushContext(key.objectHandle()));
    }

    @Test
    void swtpmQuotesVerifyInTheEngineAndBack() throws Exception {
        PcrSelectionList selection = PcrSelectionList.of(new PcrSelection(AlgId.SHA256, PcrSelect.of(0, 7)));
        Public template = Templates.ecc(0x0003, Templates.ATTESTATION, AlgId.ECDSA, AlgId.SHA256);
        List<Digest> pcrDigests = new ArrayList<>();
        for (Tpm[] pair : new Tpm[][] {{swtpm, engine}, {engine, swtpm}}) {
            CreatePrimaryResponse ak = primary(pair[0], Handle.RH_ENDORSEMENT, template);
            QuoteResponse quote = pair[0].execute(new Quote(ak.objectHandle(), new Data(new byte[] {1, 2, 3}),
                    new SigScheme(AlgId.ECDSA, new SchemeHash(AlgId.SHA256)), selection), PasswordSession.empty());
            Handle loaded = pair[1].execute(new LoadExternal(Tpm2b.<Sensitive>empty(), ak.outPublic(),
                    Handle.RH_ENDORSEMENT)).objectHandle();
            pair[1].execute(new VerifySignature(loaded,
                    new Digest(HashAlgorithm.SHA256.hash(quote.quoted().encoded())), quote.signature()));
            pair[1].execute(new FlushContext(loaded));
            pair[0].execute(new FlushContext(ak.objectHandle()));
            pcrDigests.add(((QuoteInfo) quote.quoted().value().attested()).pcrDigest());
        }
        assertEquals(pcrDigests.get(0), pcrDigests.get(1), "the same PCR values give the same quoted PCR digest");
        assertEquals(code(() -> swtpm.execute(new Quote(Handle.RH_NULL, Data.EMPTY, SigScheme.NULL, selection),
                        PasswordSession.empty())),
                code(() -> engine.execute(new Quote(Handle.RH_NULL, Data.EMPTY, SigScheme.NULL, selection),
                        PasswordSession.empty())));
    }
}
