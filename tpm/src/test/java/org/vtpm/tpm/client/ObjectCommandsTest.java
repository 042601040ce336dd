package org.vtpm.tpm.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.command.ContextLoad;
import org.vtpm.tpm.command.ContextSave;
import org.vtpm.tpm.command.Create;
import org.vtpm.tpm.command.CreatePrimaryResponse;
import org.vtpm.tpm.command.CreateResponse;
import org.vtpm.tpm.command.Duplicate;
import org.vtpm.tpm.command.DuplicateResponse;
import org.vtpm.tpm.command.EcdhKeyGen;
import org.vtpm.tpm.command.EcdhKeyGenResponse;
import org.vtpm.tpm.command.EcdhZGen;
import org.vtpm.tpm.command.EncryptDecrypt2;
import org.vtpm.tpm.command.EncryptDecrypt2Response;
import org.vtpm.tpm.command.EvictControl;
import org.vtpm.tpm.command.Import;
import org.vtpm.tpm.command.Load;
import org.vtpm.tpm.command.LoadExternal;
import org.vtpm.tpm.command.ObjectChangeAuth;
import org.vtpm.tpm.command.PolicyCommandCode;
import org.vtpm.tpm.command.ReadPublic;
import org.vtpm.tpm.command.ReadPublicResponse;
import org.vtpm.tpm.command.RsaDecrypt;
import org.vtpm.tpm.command.RsaEncrypt;
import org.vtpm.tpm.command.Sign;
import org.vtpm.tpm.command.Unseal;
import org.vtpm.tpm.crypto.AesCfb;
import org.vtpm.tpm.crypto.EccCurve;
import org.vtpm.tpm.crypto.Ecdh;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.crypto.RsaOaep;
import org.vtpm.tpm.policy.TrialPolicy;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.Cc;
import org.vtpm.tpm.types.Context;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.EccPoint;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Iv;
import org.vtpm.tpm.types.KeyBits;
import org.vtpm.tpm.types.MaxBuffer;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.PublicKeyRsa;
import org.vtpm.tpm.types.RsaDecryptScheme;
import org.vtpm.tpm.types.RsaParms;
import org.vtpm.tpm.types.RsaScheme;
import org.vtpm.tpm.types.SchemeHash;
import org.vtpm.tpm.types.Sensitive;
import org.vtpm.tpm.types.SensitiveCreate;
import org.vtpm.tpm.types.SensitiveData;
import org.vtpm.tpm.types.SessionAttributes;
import org.vtpm.tpm.types.SigScheme;
import org.vtpm.tpm.types.Signature;
import org.vtpm.tpm.types.SymCipherParms;
import org.vtpm.tpm.types.SymDefObject;
import org.vtpm.tpm.types.SymKey;
import org.vtpm.tpm.types.SymModeAlg;
import org.vtpm.tpm.types.TkHashcheck;
import org.vtpm.tpm.wire.Tpm2b;
import org.vtpm.tpm.wire.TpmRc;

/**
 * Object commands against swtpm: names, context save and load (of objects and of a session that
 * keeps working afterwards), persistence, changing an object's authValue, duplication and import,
 * RSA encryption, ECDH and symmetric encryption, each checked against Bouncy Castle where the key
 * is known.
 */
class ObjectCommandsTest {

    private static final HashAlgorithm SHA256 = HashAlgorithm.SHA256;
    private static final Auth AUTH = new Auth("object".getBytes(StandardCharsets.UTF_8));
    private static final byte[] SECRET = "sealed for change-auth".getBytes(StandardCharsets.UTF_8);

    private static SwtpmFixture swtpm;
    private static CreatePrimaryResponse parent;

    @BeforeAll
    static void start() throws Exception {
        swtpm = SwtpmFixture.start();
        parent = swtpm.createPrimary(Handle.RH_OWNER, Templates.rsaStorage());
    }

    @AfterAll
    static void stop() throws IOException {
        if (swtpm != null) {
            swtpm.close();
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        swtpm.flushAllExcept(parent.objectHandle());
    }

    @Test
    void namesComputedOfflineEqualTheTpms() throws Exception {
        ReadPublicResponse read = swtpm.tpm.execute(new ReadPublic(parent.objectHandle()));
        assertEquals(Name.of(read.outPublic().value()), read.name());
        assertEquals(Name.of(read.outPublic()), read.name());
        assertEquals(parent.name(), read.name());
        assertEquals(Name.qualified(Name.of(Handle.RH_OWNER), read.name()), read.qualifiedName());
    }

    @Test
    void aSavedObjectAndASavedSessionComeBackUsable() throws Exception {
        Handle sealed = createAndLoad(Templates.sealed(Digest.EMPTY, true), new SensitiveData(SECRET));
        Name name = swtpm.tpm.nameOf(sealed);
        HmacSession session = HmacSession.start(swtpm.tpm, SessionSetup.unsalted(SHA256)).withAuth(AUTH);
        Context savedObject = swtpm.tpm.execute(new ContextSave(sealed)).context();
        Context savedSession = swtpm.tpm.execute(new ContextSave(session.handle())).context();
        swtpm.flush(sealed);

        Handle reloaded = swtpm.tpm.execute(new ContextLoad(savedObject)).loadedHandle();
        assertEquals(name, swtpm.tpm.nameOf(reloaded));
        assertEquals(session.handle(), swtpm.tpm.execute(new ContextLoad(savedSession)).loadedHandle());
        assertArrayEquals(SECRET, swtpm.tpm.execute(new Unseal(reloaded), session).outData().buffer());
    }

    @Test
    void evictControlPersistsAndRemovesAnObject() throws Exception {
        Handle persistent = new Handle(0x8100_0010);
        swtpm.tpm.execute(new EvictControl(Handle.RH_OWNER, parent.objectHandle(), persistent),
                PasswordSession.empty());
        assertEquals(parent.name(), swtpm.tpm.nameOf(persistent));
        swtpm.tpm.execute(new EvictControl(Handle.RH_OWNER, persistent, persistent), PasswordSession.empty());
        TpmCommandException gone = assertThrows(TpmCommandException.class,
                () -> swtpm.tpm.execute(new ReadPublic(persistent)));
        assertEquals(TpmRc.HANDLE.withHandle(1), gone.rc());
    }

    @Test
    void objectChangeAuthGivesANewPrivateAreaWithTheNewAuthValue() throws Exception {
        Public template = Templates.sealed(Digest.EMPTY, true);
        CreateResponse created = create(template, new SensitiveData(SECRET));
        Handle loaded = load(created);
        Auth newAuth = new Auth("new object auth".getBytes(StandardCharsets.UTF_8));
        var changed = swtpm.tpm.execute(new ObjectChangeAuth(loaded, parent.objectHandle(), newAuth),
                PasswordSession.of(AUTH));
        swtpm.flush(loaded);
        Handle withNewAuth = swtpm.tpm.execute(new Load(parent.objectHandle(), changed.outPrivate(),
                created.outPublic()), PasswordSession.empty()).objectHandle();
        assertArrayEquals(SECRET, swtpm.tpm.execute(new Unseal(withNewAuth), PasswordSession.of(newAuth)).outData()
                .buffer());
        TpmCommandException old = assertThrows(TpmCommandException.class,
                () -> swtpm.tpm.execute(new Unseal(withNewAuth), PasswordSession.of(AUTH)));
        assertEquals(TpmRc.BAD_AUTH.withSession(1), old.rc());
    }

    @Test
    void aDuplicatedKeyImportedUnderAnotherParentStillSigns() throws Exception {
        Digest dupPolicy = TrialPolicy.of(SHA256).policyCommandCode(Cc.DUPLICATE).digest();
        Public template = new Public(AlgId.RSA, AlgId.SHA256, ObjectAttributes.of(ObjectAttributes.SIGN_ENCRYPT,
                ObjectAttributes.USER_WITH_AUTH, ObjectAttributes.SENSITIVE_DATA_ORIGIN, ObjectAttributes.NO_DA),
                dupPolicy, new RsaParms(SymDefObject.NULL, new RsaScheme(AlgId.RSASSA, new SchemeHash(AlgId.SHA256)),
                        2048, 0), PublicKeyRsa.EMPTY);
        CreateResponse created = create(template, SensitiveData.EMPTY);
        Handle key = load(created);
        CreatePrimaryResponse newParent = swtpm.createPrimary(Handle.RH_OWNER, Templates.eccStorage());

        PolicySession policy = PolicySession.start(swtpm.tpm, SessionSetup.unsalted(SHA256));
        swtpm.tpm.execute(new PolicyCommandCode(policy.handle(), Cc.DUPLICATE));
        DuplicateResponse duplicated = swtpm.tpm.execute(new Duplicate(key, newParent.objectHandle(), Data.EMPTY,
                SymDefObject.aesCfb(128)), policy);
        assertEquals(16, duplicated.encryptionKeyOut().size());
        swtpm.flush(key);

        var imported = swtpm.tpm.execute(new Import(newParent.objectHandle(), duplicated.encryptionKeyOut(),
                created.outPublic(), duplicated.duplicate(), duplicated.outSymSeed(), SymDefObject.aesCfb(128)),
                PasswordSession.empty());
        Handle moved = swtpm.tpm.execute(new Load(newParent.objectHandle(), imported.outPrivate(),
                created.outPublic()), PasswordSession.empty()).objectHandle();
        byte[] message = "signed after the move".getBytes(StandardCharsets.UTF_8);
        Signature signature = swtpm.tpm.execute(new Sign(moved, new Digest(SHA256.hash(message)), SigScheme.NULL,
                TkHashcheck.NULL), PasswordSession.of(AUTH)).signature();
        assertTrue(Verifiers.rsassaSha256(created.outPublic().value(), message, signature));
    }

    @Test
    void rsaOaepRoundTripsBetweenTheTpmAndBouncyCastle() throws Exception {
        CreateResponse created = create(Templates.rsaDecryption(), SensitiveData.EMPTY);
        Handle key = load(created);
        RsaDecryptScheme oaep = new RsaDecryptScheme(AlgId.OAEP, new SchemeHash(AlgId.SHA256));
        byte[] message = "a short secret".getBytes(StandardCharsets.UTF_8);
        Data label = new Data("LABEL\0".getBytes(StandardCharsets.US_ASCII));

        PublicKeyRsa byTpm = swtpm.tpm.execute(new RsaEncrypt(key, new PublicKeyRsa(message), oaep, label))
                .outData();
        byte[] byBc = RsaOaep.encrypt(Verifiers.rsaKey(created.outPublic().value()), SHA256, label.buffer(), message,
                new SecureRandom());
        for (byte[] ciphertext : new byte[][] {byTpm.buffer(), byBc}) {
            byte[] decrypted = swtpm.tpm.execute(new RsaDecrypt(key, new PublicKeyRsa(ciphertext), oaep, label),
                    PasswordSession.of(AUTH)).message().buffer();
            assertArrayEquals(message, decrypted);
        }
    }

    @Test
    void ecdhZGenOfTheEphemeralPointGivesTheSharedPointOfKeyGen() throws Exception {
        CreateResponse created = create(Templates.eccExchange(), SensitiveData.EMPTY);
        Handle key = load(created);
        EcdhKeyGenResponse generated = swtpm.tpm.execute(new EcdhKeyGen(key));
        EccPoint z = generated.zPoint().value();
        Ecdh.validatePoint(EccCurve.NIST_P256, z.x().buffer(), z.y().buffer());
        EccPoint again = swtpm.tpm.execute(new EcdhZGen(key, generated.pubPoint()), PasswordSession.of(AUTH))
                .outPoint().value();
        assertEquals(z, again);
    }

    @Test
    void encryptDecrypt2WithAKnownAesKeyEqualsBouncyCastlesCfb() throws Exception {
        byte[] aesKey = Arrays.copyOf(SHA256.hash("aes".getBytes(StandardCharsets.UTF_8)), 16);
        byte[] seed = new byte[32];
        Public template = new Public(AlgId.SYMCIPHER, AlgId.SHA256, ObjectAttributes.of(ObjectAttributes.DECRYPT,
                ObjectAttributes.SIGN_ENCRYPT, ObjectAttributes.USER_WITH_AUTH), Digest.EMPTY,
                new SymCipherParms(new SymDefObject(AlgId.AES, new KeyBits(128), new SymModeAlg(AlgId.NULL))),
                new Digest(SHA256.hash(seed, aesKey)));
        Sensitive sensitive = new Sensitive(AlgId.SYMCIPHER, AUTH, new Digest(seed), new SymKey(aesKey));
        Handle key = swtpm.tpm.execute(new LoadExternal(Tpm2b.of(sensitive), Tpm2b.of(template), Handle.RH_NULL))
                .objectHandle();
        byte[] iv = new byte[16];
        Arrays.fill(iv, (byte) 0x11);
        byte[] plain = "two blocks of plaintext for CFB.".getBytes(StandardCharsets.UTF_8);

        HmacSession session = HmacSession.start(swtpm.tpm, SessionSetup.unsalted(SHA256).salted(
                parent.objectHandle(), parent.outPublic().value()).withAesCfb(128)).withAuth(AUTH)
                .withAttributes(SessionAttributes.of(SessionAttributes.CONTINUE_SESSION, SessionAttributes.DECRYPT,
                        SessionAttributes.ENCRYPT));
        EncryptDecrypt2Response encrypted = swtpm.tpm.execute(new EncryptDecrypt2(key, new MaxBuffer(plain), false,
                AlgId.CFB, new Iv(iv)), session);
        byte[] expected = AesCfb.encrypt(aesKey, iv, plain);
        assertArrayEquals(expected, encrypted.outData().buffer());
        assertArrayEquals(Arrays.copyOfRange(expected, 16, 32), encrypted.ivOut().buffer());

        byte[] decrypted = swtpm.tpm.execute(new EncryptDecrypt2(key, encrypted.outData(), true, AlgId.CFB,
                new Iv(iv)), session).outData().buffer();
        assertArrayEquals(plain, decrypted);
    }

    private static CreateResponse create(Public template, SensitiveData data) throws Exception {
        return swtpm.tpm.execute(new Create(parent.objectHandle(), Tpm2b.of(new SensitiveCreate(AUTH, data)),
                Tpm2b.of(template), Data.EMPTY, PcrSelectionList.EMPTY), PasswordSession.empty());
    }

    private static Handle load(CreateResponse created) throws Exception {
        return swtpm.tpm.execute(new Load(parent.objectHandle(), created.outPrivate(), created.outPublic()),
                PasswordSession.empty()).objectHandle();
    }

    private static Handle createAndLoad(Public template, SensitiveData data) throws Exception {
        return load(create(template, data));
    }
}
