package org.vtpm.tpm.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.command.ActivateCredential;
import org.vtpm.tpm.command.Create;
import org.vtpm.tpm.command.CreatePrimaryResponse;
import org.vtpm.tpm.command.CreateResponse;
import org.vtpm.tpm.command.Load;
import org.vtpm.tpm.command.MakeCredential;
import org.vtpm.tpm.command.MakeCredentialResponse;
import org.vtpm.tpm.command.NvDefineSpace;
import org.vtpm.tpm.command.NvUndefineSpace;
import org.vtpm.tpm.command.NvWrite;
import org.vtpm.tpm.command.ParameterHashes;
import org.vtpm.tpm.command.PcrExtend;
import org.vtpm.tpm.command.PcrRead;
import org.vtpm.tpm.command.PcrReset;
import org.vtpm.tpm.command.PolicyAuthValue;
import org.vtpm.tpm.command.PolicyAuthorize;
import org.vtpm.tpm.command.PolicyCommandCode;
import org.vtpm.tpm.command.PolicyCpHash;
import org.vtpm.tpm.command.PolicyGetDigest;
import org.vtpm.tpm.command.PolicyNameHash;
import org.vtpm.tpm.command.PolicyNv;
import org.vtpm.tpm.command.PolicyOr;
import org.vtpm.tpm.command.PolicyPassword;
import org.vtpm.tpm.command.PolicyPcr;
import org.vtpm.tpm.command.PolicyRestart;
import org.vtpm.tpm.command.PolicySecret;
import org.vtpm.tpm.command.PolicySigned;
import org.vtpm.tpm.command.ReadPublic;
import org.vtpm.tpm.command.Sign;
import org.vtpm.tpm.command.Unseal;
import org.vtpm.tpm.command.VerifySignature;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.policy.PolicyHashes;
import org.vtpm.tpm.policy.TrialPolicy;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.Cc;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.DigestList;
import org.vtpm.tpm.types.DigestValuesList;
import org.vtpm.tpm.types.EkPolicies;
import org.vtpm.tpm.types.EkTemplate;
import org.vtpm.tpm.types.Eo;
import org.vtpm.tpm.types.Ha;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.Nonce;
import org.vtpm.tpm.types.NvAttributes;
import org.vtpm.tpm.types.NvPublic;
import org.vtpm.tpm.types.Operand;
import org.vtpm.tpm.types.PcrSelect;
import org.vtpm.tpm.types.PcrSelection;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.SensitiveCreate;
import org.vtpm.tpm.types.SensitiveData;
import org.vtpm.tpm.types.SessionAttributes;
import org.vtpm.tpm.types.SigScheme;
import org.vtpm.tpm.types.Signature;
import org.vtpm.tpm.types.TkHashcheck;
import org.vtpm.tpm.types.TkVerified;
import org.vtpm.tpm.wire.Bytes;
import org.vtpm.tpm.wire.Tpm2b;
import org.vtpm.tpm.wire.TpmRc;

/**
 * Policy sessions against swtpm: every policy command's digest as a trial session computes it
 * equals {@link TrialPolicy}'s, and real sessions unlock what those digests protect.
 */
class PolicySessionTest {

    private static final HashAlgorithm SHA256 = HashAlgorithm.SHA256;
    private static final byte[] SECRET = "policy-protected".getBytes(StandardCharsets.UTF_8);
    private static final Auth OBJECT_AUTH = new Auth("object-auth".getBytes(StandardCharsets.UTF_8));
    private static final Nonce REF = new Nonce("ref".getBytes(StandardCharsets.UTF_8));
    private static final Handle NV_INDEX = new Handle(0x0150_0010);
    private static final int PCR = 16;
    private static final PcrSelectionList PCR_16 = PcrSelectionList.of(new PcrSelection(AlgId.SHA256,
            PcrSelect.of(PCR)));

    private static SwtpmFixture swtpm;
    private static Handle parent;
    private static Handle signer;
    private static Name signerName;

    @BeforeAll
    static void start() throws Exception {
        swtpm = SwtpmFixture.start();
        parent = swtpm.createPrimary(Handle.RH_OWNER, Templates.rsaStorage()).objectHandle();
        CreatePrimaryResponse signing = swtpm.createPrimary(Handle.RH_OWNER, Templates.rsaSigning());
        signer = signing.objectHandle();
        signerName = signing.name();
        NvPublic nv = new NvPublic(NV_INDEX, AlgId.SHA256, NvAttributes.of(NvAttributes.AUTHREAD,
                NvAttributes.AUTHWRITE, NvAttributes.NO_DA), Digest.EMPTY, 8);
        swtpm.tpm.execute(new NvDefineSpace(Handle.RH_OWNER, Auth.EMPTY, Tpm2b.of(nv)), PasswordSession.empty());
        swtpm.tpm.execute(new NvWrite(NV_INDEX, NV_INDEX, new org.vtpm.tpm.types.MaxNvBuffer(
                Bytes.fromHex("0000000000000007").toByteArray()), 0), PasswordSession.empty());
    }

    @AfterAll
    static void stop() throws Exception {
        if (swtpm != null) {
            try {
                swtpm.tpm.execute(new NvUndefineSpace(Handle.RH_OWNER, NV_INDEX), PasswordSession.empty());
            } finally {
                swtpm.close();
            }
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        swtpm.flushAllExcept(parent, signer);
    }

    private static PolicySession trial() throws Exception {
        return PolicySession.startTrial(swtpm.tpm, SessionSetup.unsalted(SHA256));
    }

    private static PolicySession policy() throws Exception {
        return PolicySession.start(swtpm.tpm, SessionSetup.unsalted(SHA256));
    }

    private static Digest digestOf(PolicySession session) throws Exception {
        return swtpm.tpm.execute(new PolicyGetDigest(session.handle())).policyDigest();
    }

    @Test
    void trialSessionsAgreeWithOfflineDigestsForEveryAssertion() throws Exception {
        PolicySession s = trial();
        TrialPolicy expected = TrialPolicy.of(SHA256);
        assertEquals(expected.digest(), digestOf(s), "initial");

        Digest pcrDigest = PolicyHashes.pcrDigest(SHA256, currentPcr16());
        swtpm.tpm.execute(new PolicyPcr(s.handle(), Digest.EMPTY, PCR_16));
        expected = expected.policyPcr(PCR_16, pcrDigest);
        assertEquals(expected.digest(), digestOf(s), "PolicyPCR");

        swtpm.tpm.execute(new PolicySecret(Handle.RH_OWNER, s.handle(), Nonce.EMPTY, Digest.EMPTY, REF, 0),
                PasswordSession.empty());
        expected = expected.policySecret(Name.of(Handle.RH_OWNER), REF);
        assertEquals(expected.digest(), digestOf(s), "PolicySecret");

        Signature signature = sign(PolicyHashes.signedAuthorization(SHA256, Nonce.EMPTY, 0, Digest.EMPTY, REF));
        swtpm.tpm.execute(new PolicySigned(signer, s.handle(), Nonce.EMPTY, Digest.EMPTY, REF, 0, signature));
        expected = expected.policySigned(signerName, REF);
        assertEquals(expected.digest(), digestOf(s), "PolicySigned");

        swtpm.tpm.execute(new PolicyAuthValue(s.handle()));
        expected = expected.policyAuthValue();
        assertEquals(expected.digest(), digestOf(s), "PolicyAuthValue");

        swtpm.tpm.execute(new PolicyPassword(s.handle()));
        expected = expected.policyPassword();
        assertEquals(expected.digest(), digestOf(s), "PolicyPassword");

        swtpm.tpm.execute(new PolicyCommandCode(s.handle(), Cc.UNSEAL));
        expected = expected.policyCommandCode(Cc.UNSEAL);
        assertEquals(expected.digest(), digestOf(s), "PolicyCommandCode");

        Operand seven = new Operand(Bytes.fromHex("0000000000000007").toByteArray());
        swtpm.tpm.execute(new PolicyNv(NV_INDEX, NV_INDEX, s.handle(), seven, 0, Eo.EQ), PasswordSession.empty());
        expected = expected.policyNv(swtpm.tpm.nameOf(NV_INDEX), seven, 0, Eo.EQ);
        assertEquals(expected.digest(), digestOf(s), "PolicyNV");

        Digest cpHash = new Digest(ParameterHashes.cpHash(SHA256, Cc.UNSEAL, List.of(signerName), new byte[0]));
        swtpm.tpm.execute(new PolicyCpHash(s.handle(), cpHash));
        expected = expected.policyCpHash(cpHash);
        assertEquals(expected.digest(), digestOf(s), "PolicyCpHash");

        swtpm.tpm.execute(new PolicyRestart(s.handle()));
        expected = TrialPolicy.of(SHA256);
        assertEquals(expected.digest(), digestOf(s), "PolicyRestart");

        Digest nameHash = PolicyHashes.nameHash(SHA256, List.of(signerName));
        swtpm.tpm.execute(new PolicyNameHash(s.handle(), nameHash));
        expected = expected.policyNameHash(nameHash);
        assertEquals(expected.digest(), digestOf(s), "PolicyNameHash");

        Digest other = TrialPolicy.of(SHA256).policyAuthValue().digest();
        swtpm.tpm.execute(new PolicyOr(s.handle(), new DigestList(List.of(expected.digest(), other))));
        expected = expected.policyOr(List.of(expected.digest(), other));
        assertEquals(expected.digest(), digestOf(s), "PolicyOR");

        TkVerified nullTicket = new TkVerified(org.vtpm.tpm.types.St.VERIFIED, Handle.RH_NULL, Digest.EMPTY);
        swtpm.tpm.execute(new PolicyAuthorize(s.handle(), expected.digest(), REF, signerName, nullTicket));
        expected = expected.policyAuthorize(signerName, REF);
        assertEquals(expected.digest(), digestOf(s), "PolicyAuthorize");
    }

    @Test
    void theEkPoliciesOfTheProfileAreWhatPolicySecretOnTheEndorsementHierarchyGives() throws Exception {
        PolicySession s = trial();
        swtpm.tpm.execute(new PolicySecret(Handle.RH_ENDORSEMENT, s.handle(), Nonce.EMPTY, Digest.EMPTY, Nonce.EMPTY,
                0), PasswordSession.empty());
        assertEquals(EkPolicies.policyA(SHA256), digestOf(s));
        assertEquals(EkPolicies.policyA(SHA256),
                TrialPolicy.of(SHA256).policySecret(Name.of(Handle.RH_ENDORSEMENT), Nonce.EMPTY).digest());
    }

    @Test
    void policyPcrUnsealsOnlyWhileThePcrHoldsItsValue() throws Exception {
        Digest policy = TrialPolicy.of(SHA256).policyPcr(PCR_16, PolicyHashes.pcrDigest(SHA256, currentPcr16()))
                .digest();
        Handle sealed = seal(policy);
        PolicySession s = policy();
        swtpm.tpm.execute(new PolicyPcr(s.handle(), Digest.EMPTY, PCR_16));
        assertArrayEquals(SECRET, swtpm.tpm.execute(new Unseal(sealed), s).outData().buffer());

        swtpm.tpm.execute(new PcrExtend(Handle.pcr(PCR), new DigestValuesList(List.of(
                new Ha(AlgId.SHA256, Bytes.of(SHA256.hash(SECRET)))))), PasswordSession.empty());
        try {
            PolicySession after = policy();
            swtpm.tpm.execute(new PolicyPcr(after.handle(), Digest.EMPTY, PCR_16));
            TpmCommandException e = assertThrows(TpmCommandException.class,
                    () -> swtpm.tpm.execute(new Unseal(sealed), after));
            assertEquals(TpmRc.POLICY_FAIL.withSession(1), e.rc());
        } finally {
            swtpm.tpm.execute(new PcrReset(Handle.pcr(PCR)), PasswordSession.empty());
        }
    }

    @Test
    void policyPasswordSendsTheAuthValueInClearAndPolicyAuthValueProvesItByHmac() throws Exception {
        Digest policy = TrialPolicy.of(SHA256).policyCommandCode(Cc.UNSEAL).policyPassword().digest();
        Handle sealed = seal(policy);
        PolicySession s = policy();
        swtpm.tpm.execute(new PolicyCommandCode(s.handle(), Cc.UNSEAL));
        swtpm.tpm.execute(new PolicyPassword(s.handle()));
        assertArrayEquals(SECRET, swtpm.tpm.execute(new Unseal(sealed), s.withPassword(OBJECT_AUTH)).outData()
                .buffer());

        // PolicyAuthValue yields the same digest, so the same object opens with an HMAC instead.
        swtpm.tpm.execute(new PolicyRestart(s.handle()));
        swtpm.tpm.execute(new PolicyCommandCode(s.handle(), Cc.UNSEAL));
        swtpm.tpm.execute(new PolicyAuthValue(s.handle()));
        assertArrayEquals(SECRET, swtpm.tpm.execute(new Unseal(sealed), s.withAuthValue(OBJECT_AUTH)).outData()
                .buffer());

        swtpm.tpm.execute(new PolicyRestart(s.handle()));
        swtpm.tpm.execute(new PolicyCommandCode(s.handle(), Cc.UNSEAL));
        swtpm.tpm.execute(new PolicyAuthValue(s.handle()));
        Auth wrong = new Auth("wrong".getBytes(StandardCharsets.UTF_8));
        TpmCommandException e = assertThrows(TpmCommandException.class,
                () -> swtpm.tpm.execute(new Unseal(sealed), s.withAuthValue(wrong)));
        assertEquals(TpmRc.BAD_AUTH.withSession(1), e.rc());
    }

    @Test
    void aSaltedBoundPolicySessionProvesTheAuthValueAndEncryptsTheResponse() throws Exception {
        Handle sealed = seal(TrialPolicy.of(SHA256).policyAuthValue().digest());
        Public parentPublic = swtpm.tpm.execute(new ReadPublic(parent)).outPublic().value();
        PolicySession s = PolicySession.start(swtpm.tpm, SessionSetup.unsalted(SHA256).salted(parent, parentPublic)
                .bound(sealed, OBJECT_AUTH).withAesCfb(128));
        swtpm.tpm.execute(new PolicyAuthValue(s.handle()));
        byte[] unsealed = swtpm.tpm.execute(new Unseal(sealed), s.withAuthValue(OBJECT_AUTH).withAttributes(
                SessionAttributes.of(SessionAttributes.CONTINUE_SESSION, SessionAttributes.ENCRYPT))).outData()
                .buffer();
        assertArrayEquals(SECRET, unsealed);
        assertFalse(HmacSessionTest.contains(swtpm.lastResponse(), SECRET));
    }

    @Test
    void policyOrAcceptsEitherBranch() throws Exception {
        Digest byPassword = TrialPolicy.of(SHA256).policyPassword().digest();
        Digest byNv = TrialPolicy.of(SHA256).policyNv(swtpm.tpm.nameOf(NV_INDEX),
                new Operand(new byte[] {7}), 7, Eo.EQ).digest();
        Handle sealed = seal(TrialPolicy.of(SHA256).policyOr(List.of(byPassword, byNv)).digest());
        DigestList branches = new DigestList(List.of(byPassword, byNv));

        PolicySession s = policy();
        swtpm.tpm.execute(new PolicyNv(NV_INDEX, NV_INDEX, s.handle(), new Operand(new byte[] {7}), 7, Eo.EQ),
                PasswordSession.empty());
        swtpm.tpm.execute(new PolicyOr(s.handle(), branches));
        assertArrayEquals(SECRET, swtpm.tpm.execute(new Unseal(sealed), s).outData().buffer());

        swtpm.tpm.execute(new PolicyRestart(s.handle()));
        swtpm.tpm.execute(new PolicyPassword(s.handle()));
        swtpm.tpm.execute(new PolicyOr(s.handle(), branches));
        assertArrayEquals(SECRET, swtpm.tpm.execute(new Unseal(sealed), s.withPassword(OBJECT_AUTH)).outData()
                .buffer());

        swtpm.tpm.execute(new PolicyRestart(s.handle()));
        TpmCommandException e = assertThrows(TpmCommandException.class, () -> swtpm.tpm.execute(
                new PolicyNv(NV_INDEX, NV_INDEX, s.handle(), new Operand(new byte[] {8}), 7, Eo.EQ),
                PasswordSession.empty()));
        assertEquals(TpmRc.POLICY.withParameter(1), e.rc());
    }

    @Test
    void policySignedBindsTheSignatureToTheSessionNonce() throws Exception {
        Handle sealed = seal(TrialPolicy.of(SHA256).policySigned(signerName, REF).digest());
        PolicySession s = policy();
        Nonce nonce = s.nonceTpm();
        Signature signature = sign(PolicyHashes.signedAuthorization(SHA256, nonce, 0, Digest.EMPTY, REF));
        swtpm.tpm.execute(new PolicySigned(signer, s.handle(), nonce, Digest.EMPTY, REF, 0, signature));
        assertArrayEquals(SECRET, swtpm.tpm.execute(new Unseal(sealed), s).outData().buffer());

        PolicySession replay = policy();
        TpmCommandException e = assertThrows(TpmCommandException.class, () -> swtpm.tpm.execute(
                new PolicySigned(signer, replay.handle(), nonce, Digest.EMPTY, REF, 0, signature)));
        assertEquals(TpmRc.NONCE.withParameter(1), e.rc());
    }

    @Test
    void policyAuthorizeAcceptsAPolicyTheAuthoritySignedIncludingACpHashBoundOne() throws Exception {
        Digest authorizePolicy = TrialPolicy.of(SHA256).policyAuthorize(signerName, REF).digest();
        Handle sealed = seal(authorizePolicy);
        Name sealedName = swtpm.tpm.nameOf(sealed);
        Digest cpHash = new Digest(ParameterHashes.cpHash(SHA256, Cc.UNSEAL, List.of(sealedName), new byte[0]));
        Digest approved = TrialPolicy.of(SHA256).policyCpHash(cpHash).digest();
        Digest aHash = PolicyHashes.approvedPolicy(SHA256, approved, REF);
        TkVerified ticket = swtpm.tpm.execute(new VerifySignature(signer, aHash, sign(aHash))).validation();

        PolicySession s = policy();
        swtpm.tpm.execute(new PolicyCpHash(s.handle(), cpHash));
        assertEquals(approved, digestOf(s));
        swtpm.tpm.execute(new PolicyAuthorize(s.handle(), approved, REF, signerName, ticket));
        assertEquals(authorizePolicy, digestOf(s));
        assertArrayEquals(SECRET, swtpm.tpm.execute(new Unseal(sealed), s).outData().buffer());
    }

    @Test
    void policyNameHashRestrictsTheSessionToTheNamedObject() throws Exception {
        Handle sealed = seal(TrialPolicy.of(SHA256).policyAuthorize(signerName, REF).digest());
        Digest nameHash = PolicyHashes.nameHash(SHA256, List.of(swtpm.tpm.nameOf(sealed)));
        Digest approved = TrialPolicy.of(SHA256).policyNameHash(nameHash).digest();
        Digest aHash = PolicyHashes.approvedPolicy(SHA256, approved, REF);
        TkVerified ticket = swtpm.tpm.execute(new VerifySignature(signer, aHash, sign(aHash))).validation();

        PolicySession s = policy();
        swtpm.tpm.execute(new PolicyNameHash(s.handle(), nameHash));
        swtpm.tpm.execute(new PolicyAuthorize(s.handle(), approved, REF, signerName, ticket));
        assertArrayEquals(SECRET, swtpm.tpm.execute(new Unseal(sealed), s).outData().buffer());
    }

    @Test
    void policySecretOnTheEndorsementHierarchyActivatesACredentialForAnEkFromTheProfile() throws Exception {
        swtpm.flushAllExcept();
        try {
            CreatePrimaryResponse ek = swtpm.createPrimary(Handle.RH_ENDORSEMENT, EkTemplate.L1.template());
            assertEquals(Name.of(ek.outPublic().value()), ek.name());
            assertEquals(ek.name(), swtpm.tpm.execute(new ReadPublic(ek.objectHandle())).name());
            CreatePrimaryResponse ak = swtpm.createPrimary(Handle.RH_OWNER, Templates.eccAttestation());
            Digest credential = new Digest("credential-for-the-ak".getBytes(StandardCharsets.UTF_8));
            MakeCredentialResponse made = swtpm.tpm.execute(new MakeCredential(ek.objectHandle(), credential,
                    ak.name()));

            PolicySession s = policy();
            swtpm.tpm.execute(new PolicySecret(Handle.RH_ENDORSEMENT, s.handle(), s.nonceTpm(), Digest.EMPTY,
                    Nonce.EMPTY, 0), PasswordSession.empty());
            Digest activated = swtpm.tpm.execute(new ActivateCredential(ak.objectHandle(), ek.objectHandle(),
                    made.credentialBlob(), made.secret()), PasswordSession.empty(), s).certInfo();
            assertEquals(credential, activated);
        } finally {
            swtpm.flushAllExcept();
            parent = swtpm.createPrimary(Handle.RH_OWNER, Templates.rsaStorage()).objectHandle();
            signer = swtpm.createPrimary(Handle.RH_OWNER, Templates.rsaSigning()).objectHandle();
        }
    }

    private static List<Digest> currentPcr16() throws Exception {
        return swtpm.tpm.execute(new PcrRead(PCR_16)).pcrValues().digests();
    }

    private static Signature sign(Digest digest) throws Exception {
        return swtpm.tpm.execute(new Sign(signer, digest, SigScheme.NULL, TkHashcheck.NULL),
                PasswordSession.empty()).signature();
    }

    /** Seals {@link #SECRET} with {@code authPolicy} (and authValue {@link #OBJECT_AUTH}, usable only by policy). */
    private static Handle seal(Digest authPolicy) throws Exception {
        Public template = Templates.sealed(authPolicy, false);
        CreateResponse created = swtpm.tpm.execute(new Create(parent,
                Tpm2b.of(new SensitiveCreate(OBJECT_AUTH, new SensitiveData(SECRET))), Tpm2b.of(template), Data.EMPTY,
                PcrSelectionList.EMPTY), PasswordSession.empty());
        return swtpm.tpm.execute(new Load(parent, created.outPrivate(), created.outPublic()), PasswordSession.empty())
                .objectHandle();
    }
}
