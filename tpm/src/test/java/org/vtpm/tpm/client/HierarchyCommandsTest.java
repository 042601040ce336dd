package org.vtpm.tpm.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.command.Clear;
import org.vtpm.tpm.command.ClearControl;
import org.vtpm.tpm.command.Create;
import org.vtpm.tpm.command.CreateResponse;
import org.vtpm.tpm.command.DictionaryAttackLockReset;
import org.vtpm.tpm.command.DictionaryAttackParameters;
import org.vtpm.tpm.command.GetCapability;
import org.vtpm.tpm.command.HierarchyChangeAuth;
import org.vtpm.tpm.command.HierarchyControl;
import org.vtpm.tpm.command.Load;
import org.vtpm.tpm.command.NvDefineSpace;
import org.vtpm.tpm.command.NvReadPublic;
import org.vtpm.tpm.command.Unseal;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.Cap;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.KeyedHashParms;
import org.vtpm.tpm.types.KeyedHashScheme;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.NvAttributes;
import org.vtpm.tpm.types.NvPublic;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Pt;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.SensitiveCreate;
import org.vtpm.tpm.types.SensitiveData;
import org.vtpm.tpm.types.SessionAttributes;
import org.vtpm.tpm.types.TaggedTpmPropertyList;
import org.vtpm.tpm.wire.Tpm2b;
import org.vtpm.tpm.wire.TpmRc;

/**
 * Hierarchy and dictionary-attack commands against a swtpm of their own: HierarchyChangeAuth,
 * HierarchyControl, ClearControl, Clear, DictionaryAttackParameters and DictionaryAttackLockReset.
 * Each test leaves the hierarchies as it found them.
 */
class HierarchyCommandsTest {

    private static final Auth OWNER = new Auth("owner password".getBytes(StandardCharsets.UTF_8));
    private static final Auth OBJECT = new Auth("da-protected".getBytes(StandardCharsets.UTF_8));

    private static SwtpmFixture swtpm;

    @BeforeAll
    static void start() throws Exception {
        swtpm = SwtpmFixture.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (swtpm != null) {
            swtpm.close();
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        swtpm.flushAllExcept();
    }

    @Test
    void hierarchyChangeAuthSetsTheOwnerPasswordAndAnEncryptingSessionClearsIt() throws Exception {
        swtpm.tpm.execute(new HierarchyChangeAuth(Handle.RH_OWNER, OWNER), PasswordSession.empty());
        TpmCommandException refused = assertThrows(TpmCommandException.class,
                () -> swtpm.createPrimary(Handle.RH_OWNER, Templates.eccStorage()));
        assertEquals(TpmRc.BAD_AUTH.withSession(1), refused.rc());
        swtpm.flush(swtpm.createPrimary(Handle.RH_OWNER, Templates.eccStorage(), PasswordSession.of(OWNER))
                .objectHandle());

        HmacSession session = HmacSession.start(swtpm.tpm, SessionSetup.unsalted(HashAlgorithm.SHA256)
                .bound(Handle.RH_OWNER, OWNER).withXor());
        swtpm.tpm.execute(new HierarchyChangeAuth(Handle.RH_OWNER, Auth.EMPTY), session.withAuth(OWNER)
                .withAttributes(SessionAttributes.of(SessionAttributes.DECRYPT)));
        swtpm.flush(swtpm.createPrimary(Handle.RH_OWNER, Templates.eccStorage()).objectHandle());
    }

    @Test
    void hierarchyControlDisablesAndReenablesTheEndorsementHierarchy() throws Exception {
        swtpm.tpm.execute(new HierarchyControl(Handle.RH_PLATFORM, Handle.RH_ENDORSEMENT, false),
                PasswordSession.empty());
        try {
            TpmCommandException disabled = assertThrows(TpmCommandException.class,
                    () -> swtpm.createPrimary(Handle.RH_ENDORSEMENT, Templates.eccStorage()));
            assertEquals(TpmRc.HIERARCHY.withHandle(1), disabled.rc());
        } finally {
            swtpm.tpm.execute(new HierarchyControl(Handle.RH_PLATFORM, Handle.RH_ENDORSEMENT, true),
                    PasswordSession.empty());
        }
        swtpm.flush(swtpm.createPrimary(Handle.RH_ENDORSEMENT, Templates.eccStorage()).objectHandle());
    }

    @Test
    void clearIsRefusedWhileDisabledAndThenWipesTheOwnerHierarchy() throws Exception {
        Name before = swtpm.createPrimary(Handle.RH_OWNER, Templates.eccStorage()).name();
        Handle index = new Handle(0x0150_0200);
        swtpm.tpm.execute(new NvDefineSpace(Handle.RH_OWNER, Auth.EMPTY, Tpm2b.of(new NvPublic(index, AlgId.SHA256,
                NvAttributes.of(NvAttributes.OWNERREAD, NvAttributes.OWNERWRITE), Digest.EMPTY, 8))),
                PasswordSession.empty());
        swtpm.tpm.execute(new HierarchyChangeAuth(Handle.RH_OWNER, OWNER), PasswordSession.empty());

        swtpm.tpm.execute(new ClearControl(Handle.RH_LOCKOUT, true), PasswordSession.empty());
        TpmCommandException disabled = assertThrows(TpmCommandException.class,
                () -> swtpm.tpm.execute(new Clear(Handle.RH_LOCKOUT), PasswordSession.empty()));
        assertEquals(TpmRc.DISABLED, disabled.rc());
        swtpm.tpm.execute(new ClearControl(Handle.RH_PLATFORM, false), PasswordSession.empty());
        swtpm.flushAllExcept();
        swtpm.tpm.execute(new Clear(Handle.RH_LOCKOUT), PasswordSession.empty());

        TpmCommandException gone = assertThrows(TpmCommandException.class,
                () -> swtpm.tpm.execute(new NvReadPublic(index)));
        assertEquals(TpmRc.HANDLE.withHandle(1), gone.rc());
        Name after = swtpm.createPrimary(Handle.RH_OWNER, Templates.eccStorage()).name();
        assertNotEquals(before, after, "Clear replaces the storage primary seed");
    }

    @Test
    void dictionaryAttackParametersAndLockResetGovernTheFailureCounter() throws Exception {
        swtpm.tpm.execute(new DictionaryAttackParameters(Handle.RH_LOCKOUT, 7, 600, 600), PasswordSession.empty());
        assertEquals(7, property(Pt.MAX_AUTH_FAIL));

        Handle parent = swtpm.createPrimary(Handle.RH_OWNER, Templates.rsaStorage()).objectHandle();
        Public template = new Public(AlgId.KEYEDHASH, AlgId.SHA256, ObjectAttributes.of(ObjectAttributes.FIXED_TPM,
                ObjectAttributes.FIXED_PARENT, ObjectAttributes.USER_WITH_AUTH), Digest.EMPTY,
                new KeyedHashParms(KeyedHashScheme.NULL), Digest.EMPTY);
        CreateResponse created = swtpm.tpm.execute(new Create(parent, Tpm2b.of(new SensitiveCreate(OBJECT,
                new SensitiveData(new byte[] {1}))), Tpm2b.of(template), Data.EMPTY, PcrSelectionList.EMPTY),
                PasswordSession.empty());
        Handle sealed = swtpm.tpm.execute(new Load(parent, created.outPrivate(), created.outPublic()),
                PasswordSession.empty()).objectHandle();
        for (int i = 0; i < 2; i++) {
            TpmCommandException wrong = assertThrows(TpmCommandException.class,
                    () -> swtpm.tpm.execute(new Unseal(sealed), PasswordSession.of("guess")));
            assertEquals(TpmRc.AUTH_FAIL.withSession(1), wrong.rc());
        }
        assertEquals(2, property(Pt.LOCKOUT_COUNTER));
        swtpm.tpm.execute(new DictionaryAttackLockReset(Handle.RH_LOCKOUT), PasswordSession.empty());
        assertEquals(0, property(Pt.LOCKOUT_COUNTER));
        assertEquals(1, swtpm.tpm.execute(new Unseal(sealed), PasswordSession.of(OBJECT)).outData().size());
    }

    private static int property(Pt property) throws Exception {
        var list = (TaggedTpmPropertyList) swtpm.tpm.execute(new GetCapability(Cap.TPM_PROPERTIES, property.value(), 1))
                .capabilityData().data();
        assertEquals(property, list.tpmProperty().get(0).property());
        return list.tpmProperty().get(0).value();
    }
}
