package org.vtpm.tpm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.client.HmacSession;
import org.vtpm.tpm.client.PasswordSession;
import org.vtpm.tpm.client.PolicySession;
import org.vtpm.tpm.client.SessionSetup;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.client.TpmCommandException;
import org.vtpm.tpm.command.Create;
import org.vtpm.tpm.command.CreatePrimary;
import org.vtpm.tpm.command.CreatePrimaryResponse;
import org.vtpm.tpm.command.CreateResponse;
import org.vtpm.tpm.command.FlushContext;
import org.vtpm.tpm.command.Hash;
import org.vtpm.tpm.command.GetSessionAuditDigest;
import org.vtpm.tpm.command.Load;
import org.vtpm.tpm.command.LoadExternal;
import org.vtpm.tpm.command.NvChangeAuth;
import org.vtpm.tpm.command.NvDefineSpace;
import org.vtpm.tpm.command.NvRead;
import org.vtpm.tpm.command.NvUndefineSpace;
import org.vtpm.tpm.command.NvWrite;
import org.vtpm.tpm.command.ObjectChangeAuth;
import org.vtpm.tpm.command.PcrExtend;
import org.vtpm.tpm.command.PolicyAuthValue;
import org.vtpm.tpm.command.PolicyAuthorize;
import org.vtpm.tpm.command.PolicyAuthorizeNv;
import org.vtpm.tpm.command.PolicyCommandCode;
import org.vtpm.tpm.command.PolicyCounterTimer;
import org.vtpm.tpm.command.PolicyCpHash;
import org.vtpm.tpm.command.PolicyDuplicationSelect;
import org.vtpm.tpm.command.PolicyGetDigest;
import org.vtpm.tpm.command.PolicyNameHash;
import org.vtpm.tpm.command.PolicyNv;
import org.vtpm.tpm.command.PolicyNvWritten;
import org.vtpm.tpm.command.PolicyOr;
import org.vtpm.tpm.command.PolicyPassword;
import org.vtpm.tpm.command.PolicyPcr;
import org.vtpm.tpm.command.PolicyRestart;
import org.vtpm.tpm.command.PolicySecret;
import org.vtpm.tpm.command.PolicySecretResponse;
import org.vtpm.tpm.command.PolicySigned;
import org.vtpm.tpm.command.PolicySignedResponse;
import org.vtpm.tpm.command.PolicyTemplate;
import org.vtpm.tpm.command.PolicyTicket;
import org.vtpm.tpm.command.Sign;
import org.vtpm.tpm.command.Unseal;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.policy.PolicyHashes;
import org.vtpm.tpm.policy.TrialPolicy;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Attest;
import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.Cc;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.DigestList;
import org.vtpm.tpm.types.DigestValuesList;
import org.vtpm.tpm.types.Eo;
import org.vtpm.tpm.types.Ha;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.KeyedHashParms;
import org.vtpm.tpm.types.KeyedHashScheme;
import org.vtpm.tpm.types.MaxBuffer;
import org.vtpm.tpm.types.MaxNvBuffer;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.Nonce;
import org.vtpm.tpm.types.NvAttributes;
import org.vtpm.tpm.types.NvPublic;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.Operand;
import org.vtpm.tpm.types.PcrSelect;
import org.vtpm.tpm.types.PcrSelection;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Private;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.PublicKeyRsa;
import org.vtpm.tpm.types.RsaParms;
import org.vtpm.tpm.types.RsaScheme;
import org.vtpm.tpm.types.SensitiveCreate;
import org.vtpm.tpm.types.SensitiveData;
import org.vtpm.tpm.types.SessionAttributes;
import org.vtpm.tpm.types.SessionAuditInfo;
import org.vtpm.tpm.types.SigScheme;
import org.vtpm.tpm.types.Signature;
import org.vtpm.tpm.types.SignatureRsa;
import org.vtpm.tpm.types.St;
import org.vtpm.tpm.types.SymDefObject;
import org.vtpm.tpm.types.Timeout;
import org.vtpm.tpm.types.TkAuth;
import org.vtpm.tpm.types.TkHashcheck;
import org.vtpm.tpm.types.TkVerified;
import org.vtpm.tpm.wire.Bytes;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.Tpm2b;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * Policy sessions side by side on swtpm and the engine: every assertion's digest in a trial
 * session, sealing to a PCR, the response codes of failing policy checks, tickets, the change of
 * an object's and an NV index's authValue, and a session audit digest.
 */
class SwtpmPolicyDifferentialTest {

    private static final HashAlgorithm SHA256 = HashAlgorithm.SHA256;
    /** A PCR the update counter counts (the debug and application PCRs 16 and 23 it does not). */
    private static final int PCR = 10;
    private static final PcrSelectionList PCR_10 = PcrSelectionList.of(new PcrSelection(AlgId.SHA256,
            PcrSelect.of(PCR)));
    private static final Handle INDEX = new Handle(0x01500040);
    private static final Nonce REF = new Nonce("ref".getBytes(StandardCharsets.UTF_8));
    private static final Auth AUTH = new Auth("object auth".getBytes(StandardCharsets.UTF_8));
    private static final byte[] SECRET = "sealed secret".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EIGHT = {0, 0, 0, 0, 0, 0, 0, 8};
    private static Differential both;

    /** One side's steps, each an outcome: a digest, data, "success" or a response code. */
    @FunctionalInterface
    private interface Scenario {
        void run(Tpm tpm, List<String> outcome) throws Exception;
    }

    /** A step whose response code is the outcome. */
    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    @BeforeAll
    static void startSwtpm() throws IOException {
        both = new Differential();
        both.restart();
    }

    @AfterAll
    static void stopSwtpm() throws IOException {
        both.close();
    }

    private static List<String> onBoth(Scenario scenario) throws Exception {
        List<List<String>> outcomes = new ArrayList<>();
        for (Tpm tpm : List.of(both.engineTpm(), both.swtpmTpm())) {
            List<String> outcome = new ArrayList<>();
            scenario.run(tpm, outcome);
            outcomes.add(outcome);
        }
        assertEquals(outcomes.get(1), outcomes.get(0), "engine (expected: swtpm)");
        return outcomes.get(0);
    }

    private static String code(Step step) throws Exception {
        try {
            step.run();
            return "success";
        } catch (TpmCommandException e) {
            return e.rc().toString();
        }
    }

    private static String digest(Tpm tpm, PolicySession session) throws Exception {
        return Bytes.of(tpm.execute(new PolicyGetDigest(session.handle())).policyDigest().buffer()).toString();
    }

    private static Handle primary(Tpm tpm, Public template) throws Exception {
        return tpm.execute(new CreatePrimary(Handle.RH_OWNER, Tpm2b.of(SensitiveCreate.EMPTY), Tpm2b.of(template),
                Data.EMPTY, PcrSelectionList.EMPTY), PasswordSession.empty()).objectHandle();
    }

    /** A sealed-data object under {@code parent}: usable by policy only, or also by its authValue. */
    private static Handle seal(Tpm tpm, Handle parent, Digest authPolicy, boolean userWithAuth) throws Exception {
        CreateResponse created = create(tpm, parent, authPolicy, userWithAuth);
        return tpm.execute(new Load(parent, created.outPrivate(), created.outPublic()), PasswordSession.empty())
                .objectHandle();
    }

    private static CreateResponse create(Tpm tpm, Handle parent, Digest authPolicy, boolean userWithAuth)
            throws Exception {
        ObjectAttributes attributes = ObjectAttributes.of(ObjectAttributes.FIXED_TPM, ObjectAttributes.FIXED_PARENT,
                ObjectAttributes.NO_DA);
        Public template = new Public(AlgId.KEYEDHASH, AlgId.SHA256, userWithAuth
                ? attributes.with(ObjectAttributes.USER_WITH_AUTH) : attributes, authPolicy,
                new KeyedHashParms(KeyedHashScheme.NULL), Digest.EMPTY);
        return tpm.execute(new Create(parent, Tpm2b.of(new SensitiveCreate(AUTH, new SensitiveData(SECRET))),
                Tpm2b.of(template), Data.EMPTY, PcrSelectionList.EMPTY), PasswordSession.empty());
    }

    private static PolicySession policy(Tpm tpm) throws Exception {
        return PolicySession.start(tpm, SessionSetup.unsalted(SHA256));
    }

    private static void defineIndex(Tpm tpm, Auth auth, Digest authPolicy, NvAttributes attributes)
            throws Exception {
        tpm.execute(new NvDefineSpace(Handle.RH_OWNER, auth, Tpm2b.of(new NvPublic(INDEX, AlgId.SHA256,
                attributes.with(NvAttributes.NO_DA), authPolicy, 8))), PasswordSession.empty());
    }

    /**
     * A trial session checks nothing, so PolicySigned takes any signature, and its key need only
     * be loaded: the same public key in both, so that its name (which the digest covers) agrees.
     */
    @Test
    void trialSessionsGiveTheSameDigestForEveryAssertion() throws Exception {
        CreatePrimaryResponse created = both.engineTpm().execute(new CreatePrimary(Handle.RH_OWNER,
                Tpm2b.of(SensitiveCreate.EMPTY), Tpm2b.of(Templates.rsa(2048, Templates.SIGNING, AlgId.RSASSA,
                        AlgId.SHA256)), Data.EMPTY, PcrSelectionList.EMPTY), PasswordSession.empty());
        both.engineTpm().execute(new FlushContext(created.objectHandle()));
        Name signerName = created.name();
        List<String> digests = onBoth((tpm, outcome) -> {
            Handle signer = tpm.execute(new LoadExternal(Tpm2b.empty(), created.outPublic(), Handle.RH_OWNER))
                    .objectHandle();
            defineIndex(tpm, Auth.EMPTY, Digest.EMPTY, NvAttributes.of(NvAttributes.OWNERREAD,
                    NvAttributes.OWNERWRITE));
            tpm.execute(new NvWrite(Handle.RH_OWNER, INDEX, new MaxNvBuffer(EIGHT), 0), PasswordSession.empty());
            PolicySession s = PolicySession.startTrial(tpm, SessionSetup.unsalted(SHA256));
            Handle h = s.handle();
            outcome.add(digest(tpm, s));
            tpm.execute(new PolicyPcr(h, Digest.EMPTY, PCR_10));
            outcome.add(digest(tpm, s));
            tpm.execute(new PolicySecret(Handle.RH_OWNER, h, Nonce.EMPTY, Digest.EMPTY, REF, 0),
                    PasswordSession.empty());
            outcome.add(digest(tpm, s));
            Signature signature = new Signature(AlgId.RSASSA, new SignatureRsa(AlgId.SHA256,
                    new PublicKeyRsa(new byte[256])));
            tpm.execute(new PolicySigned(signer, h, Nonce.EMPTY, Digest.EMPTY, REF, 0, signature));
            outcome.add(digest(tpm, s));
            tpm.execute(new PolicyAuthValue(h));
            tpm.execute(new PolicyPassword(h));
            tpm.execute(new PolicyCommandCode(h, Cc.UNSEAL));
            outcome.add(digest(tpm, s));
            tpm.execute(new PolicyNv(Handle.RH_OWNER, INDEX, h, new Operand(EIGHT), 0, Eo.EQ),
                    PasswordSession.empty());
            outcome.add(digest(tpm, s));
            tpm.execute(new PolicyCpHash(h, new Digest(SHA256.hash(new byte[] {1}))));
            tpm.execute(new PolicyRestart(h));
            tpm.execute(new PolicyNameHash(h, new Digest(SHA256.hash(new byte[] {2}))));
            outcome.add(digest(tpm, s));
            Digest other = TrialPolicy.of(SHA256).policyAuthValue().digest();
            tpm.execute(new PolicyOr(h, new DigestList(List.of(other,
                    tpm.execute(new PolicyGetDigest(h)).policyDigest()))));
            outcome.add(digest(tpm, s));
            tpm.execute(new PolicyNvWritten(h, true));
            tpm.execute(new PolicyCounterTimer(h, new Operand(new byte[8]), 0, Eo.UNSIGNED_GE));
            outcome.add(digest(tpm, s));
            tpm.execute(new PolicyRestart(h));
            tpm.execute(new PolicyTemplate(h, new Digest(SHA256.hash(new byte[] {3}))));
            outcome.add(digest(tpm, s));
            tpm.execute(new PolicyRestart(h));
            tpm.execute(new PolicyDuplicationSelect(h, signerName, Name.of(Handle.RH_OWNER), true));
            outcome.add(digest(tpm, s));
            tpm.execute(new PolicyRestart(h));
            tpm.execute(new PolicyAuthorize(h, new Digest(new byte[32]), REF, signerName,
                    new TkVerified(St.VERIFIED, Handle.RH_NULL, Digest.EMPTY)));
            outcome.add(digest(tpm, s));
            tpm.execute(new PolicyAuthorizeNv(Handle.RH_OWNER, INDEX, h), PasswordSession.empty());
            outcome.add(digest(tpm, s));
            outcome.add(code(() -> tpm.execute(new PolicyTicket(h, new Timeout(new byte[8]),
                    Digest.EMPTY, Nonce.EMPTY, Name.of(Handle.RH_OWNER), new TkAuth(
                            St.AUTH_SECRET, Handle.RH_OWNER, new Digest(new byte[48]))))));
            tpm.execute(new FlushContext(h));
            tpm.execute(new FlushContext(signer));
            tpm.execute(new NvUndefineSpace(Handle.RH_OWNER, INDEX), PasswordSession.empty());
        });
        assertEquals(Bytes.of(TrialPolicy.of(SHA256).digest().buffer()).toString(), digests.get(0));
        assertEquals("TPM_RC_ATTRIBUTES (handle 1)", digests.get(digests.size() - 1));
    }

    @Test
    void aSecretSealedToAPcrUnsealsOnlyWhileThePcrHoldsItsValue() throws Exception {
        List<String> outcome = onBoth((tpm, out) -> {
            Handle srk = primary(tpm, Templates.rsaStorage());
            PolicySession trial = PolicySession.startTrial(tpm, SessionSetup.unsalted(SHA256));
            tpm.execute(new PolicyPcr(trial.handle(), Digest.EMPTY, PCR_10));
            Digest policy = tpm.execute(new PolicyGetDigest(trial.handle())).policyDigest();
            tpm.execute(new FlushContext(trial.handle()));
            Handle sealed = seal(tpm, srk, policy, false);
            PolicySession s = policy(tpm);
            out.add(code(() -> tpm.execute(new Unseal(sealed), s)));
            tpm.execute(new PolicyPcr(s.handle(), Digest.EMPTY, PCR_10));
            out.add(Bytes.of(tpm.execute(new Unseal(sealed), s).outData().buffer()).toString());
            tpm.execute(new PolicyPcr(s.handle(), Digest.EMPTY, PCR_10));
            extendPcr(tpm);
            out.add(code(() -> tpm.execute(new Unseal(sealed), s)));
            tpm.execute(new PolicyRestart(s.handle()));
            tpm.execute(new PolicyPcr(s.handle(), Digest.EMPTY, PCR_10));
            out.add(code(() -> tpm.execute(new Unseal(sealed), s)));
            out.add(code(() -> tpm.execute(new PolicyPcr(s.handle(), new Digest(new byte[32]), PCR_10))));
            tpm.execute(new FlushContext(s.handle()));
            tpm.execute(new FlushContext(sealed));
            tpm.execute(new FlushContext(srk));
        });
        assertEquals(List.of("TPM_RC_POLICY_FAIL (session 1)", Bytes.of(SECRET).toString(), "TPM_RC_PCR_CHANGED",
                "TPM_RC_POLICY_FAIL (session 1)", "TPM_RC_VALUE (parameter 1)"), outcome);
    }

    @Test
    void policySignedVerifiesASignatureOverTheSessionNonceAndIssuesATicket() throws Exception {
        List<String> outcome = onBoth((tpm, out) -> {
            Handle srk = primary(tpm, Templates.rsaStorage());
            CreatePrimaryResponse signing = tpm.execute(new CreatePrimary(Handle.RH_OWNER,
                    Tpm2b.of(SensitiveCreate.EMPTY), Tpm2b.of(Templates.rsa(2048, Templates.SIGNING, AlgId.RSASSA,
                            AlgId.SHA256)), Data.EMPTY, PcrSelectionList.EMPTY), PasswordSession.empty());
            Handle signer = signing.objectHandle();
            Handle sealed = seal(tpm, srk, TrialPolicy.of(SHA256).policySigned(signing.name(), REF).digest(), false);
            PolicySession s = policy(tpm);
            Signature wrong = sign(tpm, signer, PolicyHashes.signedAuthorization(SHA256, s.nonceTpm(), 0,
                    Digest.EMPTY, Nonce.EMPTY));
            out.add(code(() -> tpm.execute(new PolicySigned(signer, s.handle(), s.nonceTpm(), Digest.EMPTY, REF, 0,
                    wrong))));
            int expiration = -600;
            Signature right = sign(tpm, signer, PolicyHashes.signedAuthorization(SHA256, s.nonceTpm(), expiration,
                    Digest.EMPTY, REF));
            PolicySignedResponse issued = tpm.execute(new PolicySigned(signer, s.handle(), s.nonceTpm(),
                    Digest.EMPTY, REF, expiration, right));
            out.add(issued.policyTicket().tag() + " " + issued.policyTicket().hierarchy());
            out.add(Bytes.of(tpm.execute(new Unseal(sealed), s).outData().buffer()).toString());
            tpm.execute(new PolicyTicket(s.handle(), issued.timeout(), Digest.EMPTY, REF, signing.name(),
                    issued.policyTicket()));
            out.add(Bytes.of(tpm.execute(new Unseal(sealed), s).outData().buffer()).toString());
            tpm.execute(new FlushContext(s.handle()));
            tpm.execute(new FlushContext(sealed));
            tpm.execute(new FlushContext(signer));
            tpm.execute(new FlushContext(srk));
        });
        assertEquals(List.of("TPM_RC_SIGNATURE (parameter 5)", "TPM_ST_AUTH_SIGNED TPM_RH_OWNER",
                Bytes.of(SECRET).toString(), Bytes.of(SECRET).toString()), outcome);
    }

    /** The digest a trial session ends with after {@code assertions}. */
    private static Digest trialDigest(Tpm tpm, Assertions assertions) throws Exception {
        PolicySession trial = PolicySession.startTrial(tpm, SessionSetup.unsalted(SHA256));
        assertions.run(trial.handle());
        Digest digest = tpm.execute(new PolicyGetDigest(trial.handle())).policyDigest();
        tpm.execute(new FlushContext(trial.handle()));
        return digest;
    }

    @FunctionalInterface
    private interface Assertions {
        void run(Handle session) throws Exception;
    }

    @Test
    void deferredConditionsAreCheckedWhenTheSessionAuthorizes() throws Exception {
        Handle second = new Handle(0x01500041);
        Public sealedTemplate = new Public(AlgId.KEYEDHASH, AlgId.SHA256, ObjectAttributes.of(
                ObjectAttributes.FIXED_TPM, ObjectAttributes.FIXED_PARENT, ObjectAttributes.USER_WITH_AUTH),
                Digest.EMPTY, new KeyedHashParms(KeyedHashScheme.NULL), Digest.EMPTY);
        Digest templateHash = new Digest(SHA256.hash(Codecs.marshal(sealedTemplate)));
        List<String> outcome = onBoth((tpm, out) -> {
            PolicySession s = policy(tpm);
            Digest unwritten = trialDigest(tpm, h -> tpm.execute(new PolicyNvWritten(h, false)));
            defineIndex(tpm, Auth.EMPTY, unwritten, NvAttributes.of(NvAttributes.POLICYWRITE, NvAttributes.AUTHREAD));
            tpm.execute(new PolicyNvWritten(s.handle(), false));
            out.add(code(() -> tpm.execute(new NvWrite(INDEX, INDEX, new MaxNvBuffer(EIGHT), 0), s)));
            tpm.execute(new PolicyNvWritten(s.handle(), false));
            out.add(code(() -> tpm.execute(new NvWrite(INDEX, INDEX, new MaxNvBuffer(EIGHT), 0), s)));
            out.add(code(() -> tpm.execute(new PolicyNvWritten(s.handle(), true))));
            tpm.execute(new NvUndefineSpace(Handle.RH_OWNER, INDEX), PasswordSession.empty());

            tpm.execute(new PolicyRestart(s.handle()));
            out.add(code(() -> tpm.execute(new PolicyCounterTimer(s.handle(), new Operand(new byte[8]), 0,
                    Eo.UNSIGNED_GT))));
            out.add(code(() -> tpm.execute(new PolicyCounterTimer(s.handle(), new Operand(new byte[8]), 0,
                    Eo.SIGNED_LT))));
            out.add(code(() -> tpm.execute(new PolicyCounterTimer(s.handle(), new Operand(new byte[1]), 26,
                    Eo.EQ))));
            out.add(code(() -> tpm.execute(new PolicyCounterTimer(s.handle(), new Operand(new byte[8]), 20,
                    Eo.EQ))));

            Digest unsealOnly = TrialPolicy.of(SHA256).policyCommandCode(Cc.UNSEAL).digest();
            tpm.execute(new NvDefineSpace(Handle.RH_OWNER, Auth.EMPTY, Tpm2b.of(new NvPublic(second, AlgId.SHA256,
                    NvAttributes.of(NvAttributes.OWNERREAD, NvAttributes.OWNERWRITE, NvAttributes.NO_DA),
                    Digest.EMPTY, 34))), PasswordSession.empty());
            byte[] approved = new TpmWriter().writeU16(SHA256.algId()).writeBytes(unsealOnly.buffer()).toByteArray();
            tpm.execute(new NvWrite(Handle.RH_OWNER, second, new MaxNvBuffer(approved), 0), PasswordSession.empty());
            Handle srk = primary(tpm, Templates.rsaStorage());
            Handle sealed = seal(tpm, srk, trialDigest(tpm, h -> tpm.execute(new PolicyAuthorizeNv(Handle.RH_OWNER,
                    second, h), PasswordSession.empty())), false);
            tpm.execute(new PolicyRestart(s.handle()));
            out.add(code(() -> tpm.execute(new PolicyAuthorizeNv(Handle.RH_OWNER, second, s.handle()),
                    PasswordSession.empty())));
            tpm.execute(new PolicyCommandCode(s.handle(), Cc.UNSEAL));
            tpm.execute(new PolicyAuthorizeNv(Handle.RH_OWNER, second, s.handle()), PasswordSession.empty());
            out.add(Bytes.of(tpm.execute(new Unseal(sealed), s).outData().buffer()).toString());
            tpm.execute(new FlushContext(sealed));
            tpm.execute(new FlushContext(srk));
            tpm.execute(new NvUndefineSpace(Handle.RH_OWNER, second), PasswordSession.empty());

            Digest onlyThisTemplate = trialDigest(tpm, h -> tpm.execute(new PolicyTemplate(h, templateHash)));
            Handle parent = primary(tpm, new Public(AlgId.RSA, AlgId.SHA256, Templates.STORAGE, onlyThisTemplate,
                    new RsaParms(SymDefObject.aesCfb(128), RsaScheme.NULL, 2048, 0), PublicKeyRsa.EMPTY));
            tpm.execute(new PolicyTemplate(s.handle(), templateHash));
            out.add(code(() -> tpm.execute(new Create(parent, Tpm2b.of(new SensitiveCreate(AUTH,
                    new SensitiveData(SECRET))), Tpm2b.of(sealedTemplate), Data.EMPTY, PcrSelectionList.EMPTY), s)));
            tpm.execute(new PolicyTemplate(s.handle(), templateHash));
            Public other = new Public(AlgId.KEYEDHASH, AlgId.SHA256, sealedTemplate.objectAttributes(),
                    unsealOnly, sealedTemplate.parameters(), Digest.EMPTY);
            out.add(code(() -> tpm.execute(new Create(parent, Tpm2b.of(new SensitiveCreate(AUTH,
                    new SensitiveData(SECRET))), Tpm2b.of(other), Data.EMPTY, PcrSelectionList.EMPTY), s)));
            tpm.execute(new FlushContext(parent));
            tpm.execute(new FlushContext(s.handle()));
        });
        assertEquals(List.of("success", "TPM_RC_POLICY_FAIL (session 1)", "TPM_RC_VALUE (parameter 1)", "success",
                "TPM_RC_POLICY", "TPM_RC_VALUE (parameter 2)", "TPM_RC_RANGE", "TPM_RC_VALUE",
                Bytes.of(SECRET).toString(), "success", "TPM_RC_POLICY_FAIL (session 1)"), outcome);
    }

    private static Signature sign(Tpm tpm, Handle signer, Digest digest) throws Exception {
        return tpm.execute(new Sign(signer, digest, SigScheme.NULL, TkHashcheck.NULL), PasswordSession.empty())
                .signature();
    }

    private static void extendPcr(Tpm tpm) throws Exception {
        tpm.execute(new PcrExtend(new Handle(PCR), new DigestValuesList(List.of(new Ha(AlgId.SHA256,
                Bytes.of(SHA256.hash(new byte[] {7})))))), PasswordSession.empty());
    }

    @Test
    void failingPolicyChecksGiveTheSameResponseCodes() throws Exception {
        Name owner = Name.of(Handle.RH_OWNER);
        List<String> outcome = onBoth((tpm, out) -> {
            Handle srk = primary(tpm, Templates.rsaStorage());
            Handle sealed = seal(tpm, srk, TrialPolicy.of(SHA256).policySecret(owner, Nonce.EMPTY).digest(), false);
            PolicySession s = policy(tpm);
            out.add(code(() -> tpm.execute(new PolicySecret(Handle.RH_OWNER, s.handle(),
                    new Nonce(new byte[32]), Digest.EMPTY, Nonce.EMPTY, 0), PasswordSession.empty())));
            out.add(code(() -> tpm.execute(new PolicySecret(Handle.RH_OWNER, s.handle(), Nonce.EMPTY,
                    new Digest(new byte[20]), Nonce.EMPTY, 0), PasswordSession.empty())));
            tpm.execute(new PolicySecret(Handle.RH_OWNER, s.handle(), s.nonceTpm(), Digest.EMPTY, Nonce.EMPTY, 1),
                    PasswordSession.empty());
            Thread.sleep(1500);
            out.add(code(() -> tpm.execute(new Unseal(sealed), s)));

            PolicySecretResponse issued = tpm.execute(new PolicySecret(Handle.RH_OWNER, s.handle(), s.nonceTpm(),
                    Digest.EMPTY, Nonce.EMPTY, -60), PasswordSession.empty());
            out.add(issued.timeout().size() + " byte timeout, ticket " + issued.policyTicket().tag());
            tpm.execute(new PolicyRestart(s.handle()));
            tpm.execute(new PolicyTicket(s.handle(), issued.timeout(), Digest.EMPTY, Nonce.EMPTY, owner,
                    issued.policyTicket()));
            out.add(Bytes.of(tpm.execute(new Unseal(sealed), s).outData().buffer()).toString());
            out.add(code(() -> tpm.execute(new PolicyTicket(s.handle(), issued.timeout(), Digest.EMPTY, REF, owner,
                    issued.policyTicket()))));
            tpm.execute(new FlushContext(sealed));

            Handle password = seal(tpm, srk, TrialPolicy.of(SHA256).policyPassword().digest(), false);
            tpm.execute(new PolicyPassword(s.handle()));
            out.add(code(() -> tpm.execute(new Unseal(password), s.withPassword(new Auth(new byte[] {1})))));
            tpm.execute(new PolicyRestart(s.handle()));
            tpm.execute(new PolicyPassword(s.handle()));
            out.add(code(() -> tpm.execute(new Unseal(password), s.withPassword(AUTH))));
            tpm.execute(new PolicyAuthValue(s.handle()));
            out.add(code(() -> tpm.execute(new Unseal(password), s.withAuthValue(AUTH))));
            out.add(code(() -> tpm.execute(new PolicyOr(s.handle(), new DigestList(List.of(
                    new Digest(SHA256.hash(new byte[] {5})), new Digest(SHA256.hash(new byte[] {6}))))))));
            tpm.execute(new FlushContext(password));

            Handle restricted = seal(tpm, srk, TrialPolicy.of(SHA256).policyCommandCode(Cc.OBJECT_CHANGE_AUTH)
                    .digest(), false);
            tpm.execute(new PolicyRestart(s.handle()));
            tpm.execute(new PolicyCommandCode(s.handle(), Cc.OBJECT_CHANGE_AUTH));
            out.add(code(() -> tpm.execute(new Unseal(restricted), s)));
            tpm.execute(new PolicyCommandCode(s.handle(), Cc.OBJECT_CHANGE_AUTH));
            out.add(code(() -> tpm.execute(new PolicyCommandCode(s.handle(), Cc.UNSEAL))));
            tpm.execute(new FlushContext(restricted));

            Digest cpHash = new Digest(SHA256.hash(new byte[] {4}));
            Handle bound = seal(tpm, srk, TrialPolicy.of(SHA256).policyCpHash(cpHash).digest(), false);
            tpm.execute(new PolicyRestart(s.handle()));
            out.add(code(() -> tpm.execute(new PolicyCpHash(s.handle(), new Digest(new byte[20])))));
            tpm.execute(new PolicyCpHash(s.handle(), cpHash));
            out.add(code(() -> tpm.execute(new Unseal(bound), s)));
            PolicySession trial = PolicySession.startTrial(tpm, SessionSetup.unsalted(SHA256));
            out.add(code(() -> tpm.execute(new Unseal(bound), trial)));
            tpm.execute(new FlushContext(trial.handle()));
            tpm.execute(new FlushContext(s.handle()));
            tpm.execute(new FlushContext(bound));
            tpm.execute(new FlushContext(srk));
        });
        assertEquals(List.of("TPM_RC_NONCE (parameter 1)", "TPM_RC_SIZE (parameter 2)", "TPM_RC_EXPIRED (session 1)",
                "8 byte timeout, ticket TPM_ST_AUTH_SECRET", Bytes.of(SECRET).toString(),
                "TPM_RC_TICKET (parameter 5)", "TPM_RC_BAD_AUTH (session 1)", "success", "success",
                "TPM_RC_VALUE (parameter 1)", "TPM_RC_POLICY_CC (session 1)", "TPM_RC_VALUE (parameter 1)",
                "TPM_RC_SIZE (parameter 1)", "TPM_RC_POLICY_FAIL (session 1)", "TPM_RC_ATTRIBUTES (session 1)"),
                outcome);
    }

    @Test
    void changingAuthValuesAndAuditingASessionGiveTheSameResults() throws Exception {
        List<String> outcome = onBoth((tpm, out) -> {
            Handle srk = primary(tpm, Templates.rsaStorage());
            CreateResponse created = create(tpm, srk, Digest.EMPTY, true);
            Handle sealed = tpm.execute(new Load(srk, created.outPrivate(), created.outPublic()),
                    PasswordSession.empty()).objectHandle();
            Auth changed = new Auth("changed".getBytes(StandardCharsets.UTF_8));
            Private outPrivate = tpm.execute(new ObjectChangeAuth(sealed, srk, changed), PasswordSession.of(AUTH))
                    .outPrivate();
            tpm.execute(new FlushContext(sealed));
            Handle reloaded = tpm.execute(new Load(srk, outPrivate, created.outPublic()), PasswordSession.empty())
                    .objectHandle();
            out.add(Bytes.of(tpm.execute(new Unseal(reloaded), PasswordSession.of(changed)).outData().buffer())
                    .toString());
            out.add(code(() -> tpm.execute(new Unseal(reloaded), PasswordSession.of(AUTH))));
            tpm.execute(new FlushContext(reloaded));
            tpm.execute(new FlushContext(srk));

            Digest change = TrialPolicy.of(SHA256).policyCommandCode(Cc.NV_CHANGE_AUTH).digest();
            defineIndex(tpm, AUTH, change, NvAttributes.of(NvAttributes.AUTHREAD, NvAttributes.AUTHWRITE));
            out.add(code(() -> tpm.execute(new NvChangeAuth(INDEX, changed), PasswordSession.of(AUTH))));
            PolicySession s = policy(tpm);
            tpm.execute(new PolicyCommandCode(s.handle(), Cc.NV_CHANGE_AUTH));
            out.add(code(() -> tpm.execute(new NvChangeAuth(INDEX, changed), s)));
            out.add(code(() -> tpm.execute(new NvWrite(INDEX, INDEX, new MaxNvBuffer(EIGHT), 0),
                    PasswordSession.of(AUTH))));
            tpm.execute(new NvWrite(INDEX, INDEX, new MaxNvBuffer(EIGHT), 0), PasswordSession.of(changed));
            tpm.execute(new FlushContext(s.handle()));

            HmacSession audit = HmacSession.start(tpm, SessionSetup.unsalted(SHA256)).withAuth(changed)
                    .withAttributes(SessionAttributes.of(SessionAttributes.CONTINUE_SESSION, SessionAttributes.AUDIT));
            tpm.execute(new NvRead(INDEX, INDEX, 8, 0), audit);
            tpm.execute(new NvRead(INDEX, INDEX, 4, 4), audit);
            out.add(auditInfo(tpm, audit));
            // The client reads the index's name before each NvRead, a command without the audit
            // session, so the session is not exclusive; Hash needs no names.
            Hash hash = new Hash(new MaxBuffer(SECRET), AlgId.SHA256, Handle.RH_NULL);
            tpm.execute(hash, audit.withAttributes(SessionAttributes.of(SessionAttributes.CONTINUE_SESSION,
                    SessionAttributes.AUDIT, SessionAttributes.AUDIT_RESET)));
            tpm.execute(hash, audit.withAttributes(SessionAttributes.of(SessionAttributes.CONTINUE_SESSION,
                    SessionAttributes.AUDIT, SessionAttributes.AUDIT_EXCLUSIVE)));
            out.add(auditInfo(tpm, audit));
            tpm.execute(hash);
            out.add(auditInfo(tpm, audit));
            tpm.execute(new FlushContext(audit.handle()));
            tpm.execute(new NvUndefineSpace(Handle.RH_OWNER, INDEX), PasswordSession.empty());
        });
        assertEquals(List.of(Bytes.of(SECRET).toString(), "TPM_RC_BAD_AUTH (session 1)", "TPM_RC_AUTH_TYPE",
                "success", "TPM_RC_BAD_AUTH (session 1)"), outcome.subList(0, 5));
        assertEquals(true, outcome.get(5).startsWith("not exclusive "), outcome.get(5));
        assertEquals(true, outcome.get(6).startsWith("exclusive "), outcome.get(6));
        assertEquals("not " + outcome.get(6), outcome.get(7), "a Hash ran without the audit session");
    }

    private static String auditInfo(Tpm tpm, HmacSession session) throws Exception {
        Attest attest = tpm.execute(new GetSessionAuditDigest(Handle.RH_ENDORSEMENT, Handle.RH_NULL, session.handle(),
                Data.EMPTY, SigScheme.NULL), PasswordSession.empty(), PasswordSession.empty()).auditInfo().value();
        SessionAuditInfo info = (SessionAuditInfo) attest.attested();
        return (info.exclusiveSession() ? "exclusive " : "not exclusive ")
                + Bytes.of(info.sessionDigest().buffer());
    }
}
