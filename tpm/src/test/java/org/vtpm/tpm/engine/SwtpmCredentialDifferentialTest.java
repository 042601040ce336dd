package org.vtpm.tpm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.client.PasswordSession;
import org.vtpm.tpm.client.PolicySession;
import org.vtpm.tpm.client.SessionSetup;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.client.TpmCommandException;
import org.vtpm.tpm.command.ActivateCredential;
import org.vtpm.tpm.command.Create;
import org.vtpm.tpm.command.CreatePrimary;
import org.vtpm.tpm.command.CreatePrimaryResponse;
import org.vtpm.tpm.command.CreateResponse;
import org.vtpm.tpm.command.Duplicate;
import org.vtpm.tpm.command.DuplicateResponse;
import org.vtpm.tpm.command.FlushContext;
import org.vtpm.tpm.command.Import;
import org.vtpm.tpm.command.Load;
import org.vtpm.tpm.command.LoadExternal;
import org.vtpm.tpm.command.MakeCredential;
import org.vtpm.tpm.command.MakeCredentialResponse;
import org.vtpm.tpm.command.PolicyCommandCode;
import org.vtpm.tpm.command.PolicySecret;
import org.vtpm.tpm.command.Sign;
import org.vtpm.tpm.command.VerifySignature;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.policy.TrialPolicy;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Cc;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.EccCurve;
import org.vtpm.tpm.types.EccParameter;
import org.vtpm.tpm.types.EccParms;
import org.vtpm.tpm.types.EccPoint;
import org.vtpm.tpm.types.EccScheme;
import org.vtpm.tpm.types.EkTemplate;
import org.vtpm.tpm.types.EncryptedSecret;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.IdObject;
import org.vtpm.tpm.types.KdfScheme;
import org.vtpm.tpm.types.Nonce;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Private;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.SchemeHash;
import org.vtpm.tpm.types.Sensitive;
import org.vtpm.tpm.types.SensitiveCreate;
import org.vtpm.tpm.types.SessionAttributes;
import org.vtpm.tpm.types.SigScheme;
import org.vtpm.tpm.types.Signature;
import org.vtpm.tpm.types.SymDefObject;
import org.vtpm.tpm.types.TkHashcheck;
import org.vtpm.tpm.wire.Tpm2b;

/**
 * Credentials and duplication across the engine and swtpm: a credential made by one for an EK is
 * activated by the other holding that EK, objects swtpm duplicates import into the engine, and
 * wrong keys, names and blobs are refused with the same codes.
 */
class SwtpmCredentialDifferentialTest {

    private static final Digest CREDENTIAL = new Digest("the credential".getBytes(StandardCharsets.US_ASCII));

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

    static Public eccStorage() {
        return new Public(AlgId.ECC, AlgId.SHA256, Templates.STORAGE, Digest.EMPTY,
                new EccParms(SymDefObject.aesCfb(128), EccScheme.NULL, new EccCurve(0x0003), KdfScheme.NULL),
                new EccPoint(EccParameter.EMPTY, EccParameter.EMPTY));
    }

    private static CreatePrimaryResponse primary(Tpm tpm, Handle hierarchy, Public template) throws Exception {
        return tpm.execute(new CreatePrimary(hierarchy, Tpm2b.of(SensitiveCreate.EMPTY), Tpm2b.of(template),
                Data.EMPTY, PcrSelectionList.EMPTY), PasswordSession.empty());
    }

    private static Handle loadPublic(Tpm tpm, Tpm2b<Public> publicArea) throws Exception {
        return tpm.execute(new LoadExternal(Tpm2b.<Sensitive>empty(), publicArea, Handle.RH_OWNER)).objectHandle();
    }

    @Test
    void aCredentialMadeByEitherActivatesOnTheOther() throws Exception {
        for (Public ekTemplate : List.of(Templates.rsaStorage(), eccStorage())) {
            for (Tpm[] pair : new Tpm[][] {{engine, swtpm}, {swtpm, engine}}) {
                Tpm maker = pair[0];
                Tpm holder = pair[1];
                CreatePrimaryResponse ek = primary(holder, Handle.RH_ENDORSEMENT, ekTemplate);
                CreatePrimaryResponse ak = primary(holder, Handle.RH_OWNER,
                        Templates.ecc(0x0003, Templates.ATTESTATION, AlgId.ECDSA, AlgId.SHA256));
                Handle ekPublic = loadPublic(maker, ek.outPublic());
                MakeCredentialResponse made = maker.execute(new MakeCredential(ekPublic, CREDENTIAL, ak.name()));
                maker.execute(new FlushContext(ekPublic));
                Digest activated = holder.execute(new ActivateCredential(ak.objectHandle(), ek.objectHandle(),
                        made.credentialBlob(), made.secret()), PasswordSession.empty(), PasswordSession.empty())
                        .certInfo();
                assertEquals(CREDENTIAL, activated, ekTemplate.type() + " made by " + (maker == engine ? "engine"
                        : "swtpm"));
                holder.execute(new FlushContext(ek.objectHandle()));
                holder.execute(new FlushContext(ak.objectHandle()));
            }
        }
    }

    @Test
    void aCredentialForAnEkOfTheProfileActivatesOnTheOtherWithPolicySecret() throws Exception {
        for (EkTemplate profile : List.of(EkTemplate.L1, EkTemplate.L2)) {
            for (Tpm[] pair : new Tpm[][] {{engine, swtpm}, {swtpm, engine}}) {
                Tpm maker = pair[0];
                Tpm holder = pair[1];
                CreatePrimaryResponse ek = primary(holder, Handle.RH_ENDORSEMENT, profile.template());
                CreatePrimaryResponse ak = primary(holder, Handle.RH_OWNER,
                        Templates.ecc(0x0003, Templates.ATTESTATION, AlgId.ECDSA, AlgId.SHA256));
                Handle ekPublic = loadPublic(maker, ek.outPublic());
                MakeCredentialResponse made = maker.execute(new MakeCredential(ekPublic, CREDENTIAL, ak.name()));
                maker.execute(new FlushContext(ekPublic));
                HashAlgorithm nameAlg = HashAlgorithm.fromAlgId(profile.template().nameAlg().value()).orElseThrow();
                PolicySession endorsement = PolicySession.start(holder, SessionSetup.unsalted(nameAlg));
                holder.execute(new PolicySecret(Handle.RH_ENDORSEMENT, endorsement.handle(), endorsement.nonceTpm(),
                        Digest.EMPTY, Nonce.EMPTY, 0), PasswordSession.empty());
                Digest activated = holder.execute(new ActivateCredential(ak.objectHandle(), ek.objectHandle(),
                        made.credentialBlob(), made.secret()), PasswordSession.empty(),
                        endorsement.withAttributes(SessionAttributes.NONE)).certInfo();
                assertEquals(CREDENTIAL, activated, profile + " made by " + (maker == engine ? "engine" : "swtpm"));
                holder.execute(new FlushContext(ek.objectHandle()));
                holder.execute(new FlushContext(ak.objectHandle()));
            }
        }
    }

    @Test
    void wrongObjectsKeysAndBlobsAreRefusedAlike() throws Exception {
        for (Public ekTemplate : List.of(Templates.rsaStorage(), eccStorage())) {
            List<String> answers = new ArrayList<>();
            for (Tpm tpm : List.of(engine, swtpm)) {
                CreatePrimaryResponse ek = primary(tpm, Handle.RH_ENDORSEMENT, ekTemplate);
                CreatePrimaryResponse ak = primary(tpm, Handle.RH_OWNER,
                        Templates.ecc(0x0003, Templates.ATTESTATION, AlgId.ECDSA, AlgId.SHA256));
                MakeCredentialResponse made = tpm.execute(new MakeCredential(ek.objectHandle(), CREDENTIAL,
                        ak.name()));
                answers.add(code(() -> tpm.execute(new ActivateCredential(ek.objectHandle(), ek.objectHandle(),
                        made.credentialBlob(), made.secret()), PasswordSession.empty(), PasswordSession.empty())));
                byte[] tampered = made.credentialBlob().buffer();
                tampered[tampered.length - 1] ^= 1;
                answers.add(code(() -> tpm.execute(new ActivateCredential(ak.objectHandle(), ek.objectHandle(),
                        new IdObject(tampered), made.secret()), PasswordSession.empty(), PasswordSession.empty())));
                answers.add(code(() -> tpm.execute(new ActivateCredential(ak.objectHandle(), ak.objectHandle(),
                        made.credentialBlob(), made.secret()), PasswordSession.empty(), PasswordSession.empty())));
                answers.add(code(() -> tpm.execute(new MakeCredential(ak.objectHandle(), CREDENTIAL, ak.name()))));
                answers.add(code(() -> tpm.execute(new MakeCredential(ek.objectHandle(),
                        new Digest(new byte[33]), ak.name()))));
                if (ekTemplate.type().equals(AlgId.ECC)) {
                    CreatePrimaryResponse otherEk = primary(tpm, Handle.RH_OWNER, ekTemplate);
                    answers.add(code(() -> tpm.execute(new ActivateCredential(ak.objectHandle(),
                            otherEk.objectHandle(), made.credentialBlob(), made.secret()), PasswordSession.empty(),
                            PasswordSession.empty())));
                    answers.add(code(() -> tpm.execute(new ActivateCredential(ak.objectHandle(), ek.objectHandle(),
                            made.credentialBlob(), new EncryptedSecret(new byte[] {0, 1, 5, 0, 1, 7})),
                            PasswordSession.empty(), PasswordSession.empty())));
                    tpm.execute(new FlushContext(otherEk.objectHandle()));
                }
                tpm.execute(new FlushContext(ek.objectHandle()));
                tpm.execute(new FlushContext(ak.objectHandle()));
            }
            int half = answers.size() / 2;
            assertEquals(answers.subList(half, answers.size()), answers.subList(0, half), ekTemplate.type().toString());
        }
    }

    /** A signing key that may be duplicated with a PolicyCommandCode(Duplicate) session. */
    private static Public duplicable(ObjectAttributes extra) {
        Digest policy = TrialPolicy.of(HashAlgorithm.SHA256).policyCommandCode(Cc.DUPLICATE).digest();
        return new Public(AlgId.ECC, AlgId.SHA256, ObjectAttributes.of(ObjectAttributes.SIGN_ENCRYPT,
                ObjectAttributes.USER_WITH_AUTH, ObjectAttributes.SENSITIVE_DATA_ORIGIN).with(extra), policy,
                new EccParms(SymDefObject.NULL, new EccScheme(AlgId.ECDSA, new SchemeHash(AlgId.SHA256)),
                        new EccCurve(0x0003), KdfScheme.NULL), new EccPoint(EccParameter.EMPTY, EccParameter.EMPTY));
    }

    @Test
    void objectsSwtpmDuplicatesImportIntoTheEngine() throws Exception {
        Handle swtpmSrk = primary(swtpm, Handle.RH_OWNER, Templates.rsaStorage()).objectHandle();
        CreateResponse child = swtpm.execute(new Create(swtpmSrk, Tpm2b.of(SensitiveCreate.EMPTY),
                Tpm2b.of(duplicable(ObjectAttributes.NONE)), Data.EMPTY, PcrSelectionList.EMPTY),
                PasswordSession.empty());
        Handle object = swtpm.execute(new Load(swtpmSrk, child.outPrivate(), child.outPublic()),
                PasswordSession.empty()).objectHandle();
        swtpm.execute(new FlushContext(swtpmSrk));
        Data innerKey = new Data(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
        for (Public parentTemplate : List.of(Templates.rsaStorage(), eccStorage())) {
            CreatePrimaryResponse parent = primary(engine, Handle.RH_OWNER, parentTemplate);
            Handle parentInSwtpm = loadPublic(swtpm, parent.outPublic());
            record Wrap(Handle newParent, Data key, SymDefObject symmetric) {
            }
            for (Wrap wrap : List.of(new Wrap(parentInSwtpm, innerKey, SymDefObject.aesCfb(128)),
                    new Wrap(parentInSwtpm, Data.EMPTY, SymDefObject.aesCfb(128)),
                    new Wrap(parentInSwtpm, Data.EMPTY, SymDefObject.NULL),
                    new Wrap(Handle.RH_NULL, Data.EMPTY, SymDefObject.aesCfb(256)),
                    new Wrap(Handle.RH_NULL, Data.EMPTY, SymDefObject.NULL))) {
                DuplicateResponse dup = duplicate(swtpm, object, wrap.newParent(), wrap.key(), wrap.symmetric());
                Data key = wrap.key().size() > 0 ? wrap.key() : dup.encryptionKeyOut();
                Private imported = engine.execute(new Import(parent.objectHandle(), key,
                        child.outPublic(), dup.duplicate(), dup.outSymSeed(), wrap.symmetric()),
                        PasswordSession.empty()).outPrivate();
                Handle moved = engine.execute(new Load(parent.objectHandle(), imported, child.outPublic()),
                        PasswordSession.empty()).objectHandle();
                byte[] digest = HashAlgorithm.SHA256.hash(wrap.toString().getBytes(StandardCharsets.US_ASCII));
                Signature signature = engine.execute(new Sign(moved, new Digest(digest), SigScheme.NULL,
                        TkHashcheck.NULL), PasswordSession.empty()).signature();
                engine.execute(new FlushContext(moved));
                Handle verifier = loadPublic(swtpm, child.outPublic());
                swtpm.execute(new VerifySignature(verifier, new Digest(digest), signature));
                swtpm.execute(new FlushContext(verifier));
            }
            swtpm.execute(new FlushContext(parentInSwtpm));
            engine.execute(new FlushContext(parent.objectHandle()));
        }
    }

    @Test
    void badDuplicatesAreRefusedAlike() throws Exception {
        Handle swtpmSrk = primary(swtpm, Handle.RH_OWNER, Templates.rsaStorage()).objectHandle();
        CreateResponse child = swtpm.execute(new Create(swtpmSrk, Tpm2b.of(SensitiveCreate.EMPTY),
                Tpm2b.of(duplicable(ObjectAttributes.NONE)), Data.EMPTY, PcrSelectionList.EMPTY),
                PasswordSession.empty());
        Handle object = swtpm.execute(new Load(swtpmSrk, child.outPrivate(), child.outPublic()),
                PasswordSession.empty()).objectHandle();
        swtpm.execute(new FlushContext(swtpmSrk));
        CreatePrimaryResponse ourParent = primary(engine, Handle.RH_OWNER, eccStorage());
        CreatePrimaryResponse theirParent = primary(swtpm, Handle.RH_OWNER, eccStorage());
        Handle ourParentInSwtpm = loadPublic(swtpm, ourParent.outPublic());
        DuplicateResponse toUs = duplicate(swtpm, object, ourParentInSwtpm, Data.EMPTY, SymDefObject.aesCfb(128));
        DuplicateResponse toThem = duplicate(swtpm, object, theirParent.objectHandle(), Data.EMPTY,
                SymDefObject.aesCfb(128));
        Tpm2b<Public> fixedPublic = Tpm2b.of(duplicable(ObjectAttributes.of(ObjectAttributes.FIXED_PARENT)));
        List<Function<DuplicateResponse, Import>> mutations = List.of(
                d -> new Import(Handle.RH_NULL, new Data(new byte[16]), child.outPublic(), d.duplicate(),
                        d.outSymSeed(), SymDefObject.aesCfb(128)),
                d -> new Import(Handle.RH_NULL, d.encryptionKeyOut(), child.outPublic(), flipLast(d.duplicate()),
                        d.outSymSeed(), SymDefObject.aesCfb(128)),
                d -> new Import(Handle.RH_NULL, d.encryptionKeyOut(), fixedPublic, d.duplicate(), d.outSymSeed(),
                        SymDefObject.aesCfb(128)),
                d -> new Import(Handle.RH_NULL, Data.EMPTY, child.outPublic(), d.duplicate(), d.outSymSeed(),
                        SymDefObject.aesCfb(128)),
                d -> new Import(Handle.RH_NULL, d.encryptionKeyOut(), child.outPublic(), d.duplicate(), d.outSymSeed(),
                        SymDefObject.NULL),
                d -> new Import(Handle.RH_NULL, d.encryptionKeyOut(), child.outPublic(), d.duplicate(),
                        EncryptedSecret.EMPTY, SymDefObject.aesCfb(128)),
                d -> new Import(Handle.RH_NULL, d.encryptionKeyOut(), Tpm2b.of(duplicable(ObjectAttributes.of(
                        ObjectAttributes.NO_DA))), d.duplicate(), d.outSymSeed(), SymDefObject.aesCfb(128)));
        for (var mutation : mutations) {
            Import ours = withParent(mutation.apply(toUs), ourParent.objectHandle());
            Import theirs = withParent(mutation.apply(toThem), theirParent.objectHandle());
            assertEquals(code(() -> swtpm.execute(theirs, PasswordSession.empty())),
                    code(() -> engine.execute(ours, PasswordSession.empty())), ours.toString());
        }
    }

    private DuplicateResponse duplicate(Tpm tpm, Handle object, Handle newParent, Data key, SymDefObject symmetric)
            throws Exception {
        PolicySession policy = PolicySession.start(tpm, SessionSetup.unsalted(HashAlgorithm.SHA256));
        tpm.execute(new PolicyCommandCode(policy.handle(), Cc.DUPLICATE));
        try {
            return tpm.execute(new Duplicate(object, newParent, key, symmetric), policy);
        } finally {
            tpm.execute(new FlushContext(policy.handle()));
        }
    }

    @Test
    void objectsTheEngineDuplicatesImportIntoSwtpm() throws Exception {
        Handle engineSrk = primary(engine, Handle.RH_OWNER, Templates.rsaStorage()).objectHandle();
        CreateResponse child = engine.execute(new Create(engineSrk, Tpm2b.of(SensitiveCreate.EMPTY),
                Tpm2b.of(duplicable(ObjectAttributes.NONE)), Data.EMPTY, PcrSelectionList.EMPTY),
                PasswordSession.empty());
        Handle object = engine.execute(new Load(engineSrk, child.outPrivate(), child.outPublic()),
                PasswordSession.empty()).objectHandle();
        engine.execute(new FlushContext(engineSrk));
        Data innerKey = new Data(new byte[] {16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1});
        for (Public parentTemplate : List.of(Templates.rsaStorage(), eccStorage())) {
            CreatePrimaryResponse parent = primary(swtpm, Handle.RH_OWNER, parentTemplate);
            Handle parentInEngine = loadPublic(engine, parent.outPublic());
            record Wrap(Handle newParent, Data key, SymDefObject symmetric) {
            }
            for (Wrap wrap : List.of(new Wrap(parentInEngine, innerKey, SymDefObject.aesCfb(128)),
                    new Wrap(parentInEngine, Data.EMPTY, SymDefObject.aesCfb(256)),
                    new Wrap(parentInEngine, Data.EMPTY, SymDefObject.NULL),
                    new Wrap(Handle.RH_NULL, Data.EMPTY, SymDefObject.aesCfb(128)))) {
                DuplicateResponse dup = duplicate(engine, object, wrap.newParent(), wrap.key(), wrap.symmetric());
                Data key = wrap.key().size() > 0 ? wrap.key() : dup.encryptionKeyOut();
                Private imported = swtpm.execute(new Import(parent.objectHandle(), key, child.outPublic(),
                        dup.duplicate(), dup.outSymSeed(), wrap.symmetric()), PasswordSession.empty()).outPrivate();
                Handle moved = swtpm.execute(new Load(parent.objectHandle(), imported, child.outPublic()),
                        PasswordSession.empty()).objectHandle();
                byte[] digest = HashAlgorithm.SHA256.hash(wrap.toString().getBytes(StandardCharsets.US_ASCII));
                Signature signature = swtpm.execute(new Sign(moved, new Digest(digest), SigScheme.NULL,
                        TkHashcheck.NULL), PasswordSession.empty()).signature();
                swtpm.execute(new FlushContext(moved));
                Handle verifier = loadPublic(engine, child.outPublic());
                engine.execute(new VerifySignature(verifier, new Digest(digest), signature));
                engine.execute(new FlushContext(verifier));
            }
            engine.execute(new FlushContext(parentInEngine));
            swtpm.execute(new FlushContext(parent.objectHandle()));
        }
    }

    @Test
    void duplicationsThePolicyAllowsButTheObjectOrParentDoesNotAreRefusedAlike() throws Exception {
        List<String> answers = new ArrayList<>();
        for (Tpm tpm : List.of(engine, swtpm)) {
            Handle srk = primary(tpm, Handle.RH_OWNER, Templates.rsaStorage()).objectHandle();
            Handle signer = primary(tpm, Handle.RH_OWNER, Templates.ecc(0x0003, Templates.SIGNING, AlgId.ECDSA,
                    AlgId.SHA256)).objectHandle();
            for (ObjectAttributes extra : List.of(ObjectAttributes.NONE,
                    ObjectAttributes.of(ObjectAttributes.ENCRYPTED_DUPLICATION))) {
                CreateResponse child = tpm.execute(new Create(srk, Tpm2b.of(SensitiveCreate.EMPTY),
                        Tpm2b.of(duplicable(extra)), Data.EMPTY, PcrSelectionList.EMPTY), PasswordSession.empty());
                Handle object = tpm.execute(new Load(srk, child.outPrivate(), child.outPublic()),
                        PasswordSession.empty()).objectHandle();
                answers.add(code(() -> duplicate(tpm, object, signer, Data.EMPTY, SymDefObject.aesCfb(128))));
                answers.add(code(() -> duplicate(tpm, object, srk, new Data(new byte[5]), SymDefObject.aesCfb(128))));
                answers.add(code(() -> duplicate(tpm, object, srk, new Data(new byte[16]), SymDefObject.NULL)));
                answers.add(code(() -> duplicate(tpm, object, srk, Data.EMPTY, SymDefObject.NULL)));
                answers.add(code(() -> duplicate(tpm, object, Handle.RH_NULL, Data.EMPTY, SymDefObject.aesCfb(128))));
                tpm.execute(new FlushContext(object));
            }
            tpm.execute(new FlushContext(signer));
            tpm.execute(new FlushContext(srk));
        }
        int half = answers.size() / 2;
        assertEquals(answers.subList(half, answers.size()), answers.subList(0, half));
    }

    private static Import withParent(Import command, Handle parent) {
        return new Import(parent, command.encryptionKey(), command.objectPublic(), command.duplicate(),
                command.inSymSeed(), command.symmetricAlg());
    }

    private static Private flipLast(Private blob) {
        byte[] bytes = blob.buffer();
        bytes[bytes.length - 1] ^= 1;
        return new Private(bytes);
    }

    private interface Call {
        Object run() throws Exception;
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
}
