package org.vtpm.tpm.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.command.Create;
import org.vtpm.tpm.command.CreatePrimary;
import org.vtpm.tpm.command.CreatePrimaryResponse;
import org.vtpm.tpm.command.CreateResponse;
import org.vtpm.tpm.command.FlushContext;
import org.vtpm.tpm.command.GetRandom;
import org.vtpm.tpm.command.GetRandomResponse;
import org.vtpm.tpm.command.Load;
import org.vtpm.tpm.command.LoadResponse;
import org.vtpm.tpm.command.Unseal;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.SensitiveCreate;
import org.vtpm.tpm.types.SensitiveData;
import org.vtpm.tpm.types.SessionAttributes;
import org.vtpm.tpm.wire.Tpm2b;
import org.vtpm.tpm.wire.TpmRc;

/** HMAC sessions against swtpm: plain, salted (RSA and ECC), bound, parameter encryption both ways. */
class HmacSessionTest {

    private static final Auth PARENT_AUTH = new Auth("parent-secret".getBytes(StandardCharsets.UTF_8));
    private static final Auth SEAL_AUTH = new Auth("seal-secret".getBytes(StandardCharsets.UTF_8));
    private static final byte[] SECRET = "the sealed secret 0123456789".getBytes(StandardCharsets.UTF_8);
    private static final SessionAttributes BOTH_WAYS = SessionAttributes.of(SessionAttributes.CONTINUE_SESSION,
            SessionAttributes.DECRYPT, SessionAttributes.ENCRYPT);

    /** Unseal has no command parameter to encrypt, so only its response is. */
    private static final SessionAttributes RESPONSE = SessionAttributes.of(SessionAttributes.CONTINUE_SESSION,
            SessionAttributes.ENCRYPT);

    private static SwtpmFixture swtpm;
    private static Handle rsaParent;
    private static Public rsaParentPublic;
    private static Handle eccParent;
    private static Public eccParentPublic;

    @BeforeAll
    static void start() throws Exception {
        swtpm = SwtpmFixture.start();
        CreatePrimaryResponse rsa = swtpm.tpm.execute(new CreatePrimary(Handle.RH_OWNER,
                Tpm2b.of(new SensitiveCreate(PARENT_AUTH, SensitiveData.EMPTY)), Tpm2b.of(Templates.rsaStorage()),
                Data.EMPTY, PcrSelectionList.EMPTY), PasswordSession.empty());
        rsaParent = rsa.objectHandle();
        rsaParentPublic = rsa.outPublic().value();
        CreatePrimaryResponse ecc = swtpm.createPrimary(Handle.RH_OWNER, Templates.eccStorage());
        eccParent = ecc.objectHandle();
        eccParentPublic = ecc.outPublic().value();
    }

    @AfterAll
    static void stop() throws IOException {
        if (swtpm != null) {
            swtpm.close();
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        swtpm.clearResponseFilter();
        swtpm.flushAllExcept(rsaParent, eccParent);
    }

    @Test
    void anUnsaltedUnboundSessionAuthorizesSeveralCommandsRollingItsNonces() throws Exception {
        HmacSession session = HmacSession.start(swtpm.tpm, SessionSetup.unsalted(HashAlgorithm.SHA256));
        swtpm.flush(sealUnder(session.withAuth(PARENT_AUTH)));
        Handle sealed2 = sealUnder(session.withAuth(PARENT_AUTH));
        byte[] unsealed = swtpm.tpm.execute(new Unseal(sealed2), session.withAuth(SEAL_AUTH)).outData().buffer();
        assertArrayEquals(SECRET, unsealed);
        assertFalse(session.ended());
    }

    @Test
    void aWrongAuthValueIsRefusedByTheTpm() throws Exception {
        HmacSession session = HmacSession.start(swtpm.tpm, SessionSetup.unsalted(HashAlgorithm.SHA256));
        Auth wrong = new Auth("not-the-secret".getBytes(StandardCharsets.UTF_8));
        TpmCommandException e = assertThrows(TpmCommandException.class, () -> sealUnder(session.withAuth(wrong)));
        // The parent is noDA, so a wrong HMAC is TPM_RC_BAD_AUTH rather than a lockout-counting AUTH_FAIL.
        assertEquals(TpmRc.BAD_AUTH.withSession(1), e.rc());
    }

    @Test
    void aSessionSaltedWithAnRsaKeyEncryptsWithAesBothWays() throws Exception {
        HmacSession session = HmacSession.start(swtpm.tpm,
                SessionSetup.unsalted(HashAlgorithm.SHA256).salted(rsaParent, rsaParentPublic).withAesCfb(128));
        assertSealsAndUnsealsEncrypted(session);
    }

    @Test
    void aSessionSaltedWithAnEccKeyObfuscatesWithXorBothWays() throws Exception {
        HmacSession session = HmacSession.start(swtpm.tpm,
                SessionSetup.unsalted(HashAlgorithm.SHA256).salted(eccParent, eccParentPublic).withXor());
        assertSealsAndUnsealsEncrypted(session);
    }

    @Test
    void aBoundSessionAuthorizesItsBindEntityAndOthers() throws Exception {
        HmacSession session = HmacSession.start(swtpm.tpm,
                SessionSetup.unsalted(HashAlgorithm.SHA384).bound(rsaParent, PARENT_AUTH).withAesCfb(128));
        // On its bind entity the authValue is in the session key only; on another entity in the HMAC key too.
        Handle sealed = sealUnder(session.withAuth(PARENT_AUTH).withAttributes(BOTH_WAYS));
        byte[] unsealed = swtpm.tpm.execute(new Unseal(sealed), session.withAuth(SEAL_AUTH).withAttributes(RESPONSE))
                .outData().buffer();
        assertArrayEquals(SECRET, unsealed);
        assertFalse(contains(swtpm.lastResponse(), SECRET), "the secret crossed the wire in clear");
    }

    @Test
    void aSaltedAndBoundSessionEncryptsWithoutAuthorizingAnything() throws Exception {
        HmacSession session = HmacSession.start(swtpm.tpm, SessionSetup.unsalted(HashAlgorithm.SHA256)
                .salted(rsaParent, rsaParentPublic).bound(rsaParent, PARENT_AUTH).withAesCfb(128));
        GetRandomResponse random = swtpm.tpm.execute(new GetRandom(32),
                session.withAttributes(RESPONSE));
        byte[] onWire = swtpm.lastResponse();
        assertEquals(32, random.randomBytes().size());
        assertFalse(contains(onWire, random.randomBytes().buffer()), "GetRandom's bytes crossed the wire in clear");
    }

    @Test
    void aSecondSessionEncryptsWhileTheFirstAuthorizesCoveringItsNonce() throws Exception {
        HmacSession auth = HmacSession.start(swtpm.tpm, SessionSetup.unsalted(HashAlgorithm.SHA256));
        HmacSession encrypting = HmacSession.start(swtpm.tpm,
                SessionSetup.unsalted(HashAlgorithm.SHA256).salted(rsaParent, rsaParentPublic).withAesCfb(128));
        Handle sealed = sealUnder(auth.withAuth(PARENT_AUTH), encrypting.withAttributes(SessionAttributes.of(
                SessionAttributes.CONTINUE_SESSION, SessionAttributes.DECRYPT)));
        assertFalse(contains(swtpm.lastCommand(), SECRET), "the secret crossed the wire in clear");
        byte[] unsealed = swtpm.tpm.execute(new Unseal(sealed), auth.withAuth(SEAL_AUTH),
                encrypting.withAttributes(RESPONSE)).outData().buffer();
        assertArrayEquals(SECRET, unsealed);
        assertFalse(contains(swtpm.lastResponse(), SECRET), "the secret crossed the wire in clear");
    }

    @Test
    void anAuditSessionIsAcceptedOnACommandWithoutAuthorization() throws Exception {
        HmacSession audit = HmacSession.start(swtpm.tpm, SessionSetup.unsalted(HashAlgorithm.SHA384))
                .withAttributes(SessionAttributes.of(SessionAttributes.CONTINUE_SESSION, SessionAttributes.AUDIT));
        for (int i = 0; i < 3; i++) {
            assertEquals(16, swtpm.tpm.execute(new GetRandom(16), audit).randomBytes().size());
        }
        assertFalse(audit.ended());
    }

    @Test
    void encryptionNeedsASessionStartedWithASymmetricAlgorithm() throws Exception {
        HmacSession plain = HmacSession.start(swtpm.tpm, SessionSetup.unsalted(HashAlgorithm.SHA256));
        assertThrows(IllegalArgumentException.class, () -> plain.withAttributes(RESPONSE));
    }

    @Test
    void aResponseWhoseHmacDoesNotVerifyIsRefused() throws Exception {
        Handle sealed = sealUnder(PasswordSession.of(PARENT_AUTH));
        HmacSession session = HmacSession.start(swtpm.tpm, SessionSetup.unsalted(HashAlgorithm.SHA256));
        swtpm.filterResponses(response -> {
            byte[] altered = response.clone();
            altered[altered.length - 1] ^= 1;
            return altered;
        });
        SessionException e = assertThrows(SessionException.class,
                () -> swtpm.tpm.execute(new Unseal(sealed), session.withAuth(SEAL_AUTH)));
        assertEquals(TpmRc.AUTH_FAIL, e.rc());
    }

    @Test
    void aSessionWithoutContinueSessionEndsAfterOneCommand() throws Exception {
        Handle sealed = sealUnder(PasswordSession.of(PARENT_AUTH));
        HmacSession session = HmacSession.start(swtpm.tpm, SessionSetup.unsalted(HashAlgorithm.SHA256));
        swtpm.tpm.execute(new Unseal(sealed), session.withAuth(SEAL_AUTH).withAttributes(SessionAttributes.NONE));
        assertTrue(session.ended());
        TpmCommandException e = assertThrows(TpmCommandException.class,
                () -> swtpm.tpm.execute(new FlushContext(session.handle())));
        assertEquals(TpmRc.HANDLE.withParameter(1), e.rc());
    }

    private static void assertSealsAndUnsealsEncrypted(HmacSession session) throws Exception {
        Handle sealed = sealUnder(session.withAuth(PARENT_AUTH).withAttributes(BOTH_WAYS));
        assertFalse(contains(swtpm.lastCommand(), SECRET), "the secret crossed the wire in clear");
        byte[] unsealed = swtpm.tpm.execute(new Unseal(sealed), session.withAuth(SEAL_AUTH).withAttributes(RESPONSE))
                .outData().buffer();
        assertArrayEquals(SECRET, unsealed);
        assertFalse(contains(swtpm.lastResponse(), SECRET), "the secret crossed the wire in clear");
        swtpm.flush(sealed);
    }

    /** Seals {@link #SECRET} under the RSA parent and loads it. */
    private static Handle sealUnder(Session... parentAuth) throws Exception {
        Public template = Templates.sealed(Digest.EMPTY, true);
        CreateResponse created = swtpm.tpm.execute(new Create(rsaParent,
                Tpm2b.of(new SensitiveCreate(SEAL_AUTH, new SensitiveData(SECRET))), Tpm2b.of(template), Data.EMPTY,
                PcrSelectionList.EMPTY), parentAuth);
        LoadResponse loaded = swtpm.tpm.execute(new Load(rsaParent, created.outPrivate(), created.outPublic()),
                parentAuth);
        return loaded.objectHandle();
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }
}
