package org.vtpm.tpm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.client.PasswordSession;
import org.vtpm.tpm.client.PolicySession;
import org.vtpm.tpm.client.SessionSetup;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.client.TpmCommandException;
import org.vtpm.tpm.command.ChangeEps;
import org.vtpm.tpm.command.ChangePps;
import org.vtpm.tpm.command.Clear;
import org.vtpm.tpm.command.ClearControl;
import org.vtpm.tpm.command.ClockSet;
import org.vtpm.tpm.command.CreatePrimary;
import org.vtpm.tpm.command.CreatePrimaryResponse;
import org.vtpm.tpm.command.EvictControl;
import org.vtpm.tpm.command.FlushContext;
import org.vtpm.tpm.command.HierarchyChangeAuth;
import org.vtpm.tpm.command.HierarchyControl;
import org.vtpm.tpm.command.NvDefineSpace;
import org.vtpm.tpm.command.NvReadPublic;
import org.vtpm.tpm.command.NvUndefineSpace;
import org.vtpm.tpm.command.PolicyCommandCode;
import org.vtpm.tpm.command.ReadClock;
import org.vtpm.tpm.command.ReadPublic;
import org.vtpm.tpm.command.SetPrimaryPolicy;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.policy.TrialPolicy;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.Cc;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.NvAttributes;
import org.vtpm.tpm.types.NvPublic;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.SensitiveCreate;
import org.vtpm.tpm.wire.Tpm2b;
import org.vtpm.tpm.wire.TpmRc;

/**
 * Hierarchy control against swtpm: the same sequence of HierarchyChangeAuth, SetPrimaryPolicy,
 * ClearControl, Clear, HierarchyControl, ChangeEPS, ChangePPS and ClockSet on both answers with the
 * same codes, and leaves the same things behind (which objects, indices and primaries survive).
 */
class SwtpmHierarchyDifferentialTest {

    private static final Auth OWNER_AUTH = new Auth("owner".getBytes());
    private static final Auth LOCKOUT_AUTH = new Auth("lockout".getBytes());
    private static final Handle PERSISTENT_OWNER = new Handle(0x81000001);
    private static final Handle PERSISTENT_ENDORSEMENT = new Handle(0x81010001);
    private static final Handle OWNER_INDEX = new Handle(0x01500001);
    private static final Handle PLATFORM_INDEX = new Handle(0x01400001);
    private static final Public KEY = Templates.ecc(0x0003, Templates.SIGNING, AlgId.ECDSA, AlgId.SHA256);

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

    /**
     * swtpm keeps its permanent state across tests; the platform (whose authorization every TPM
     * Reset empties) clears the owner's part and removes the platform index, so each test starts
     * from the same point on both.
     */
    @BeforeEach
    void powerCycleAndClear() throws Exception {
        both.restart();
        engine = both.engineTpm();
        swtpm = both.swtpmTpm();
        for (Tpm tpm : List.of(engine, swtpm)) {
            tpm.execute(new ClearControl(Handle.RH_PLATFORM, false), PasswordSession.empty());
            tpm.execute(new Clear(Handle.RH_PLATFORM), PasswordSession.empty());
            if (code(tpm, t -> t.execute(new NvReadPublic(PLATFORM_INDEX))).equals("success")) {
                tpm.execute(new NvUndefineSpace(Handle.RH_PLATFORM, PLATFORM_INDEX), PasswordSession.empty());
            }
        }
    }

    private interface Call {
        Object run(Tpm tpm) throws Exception;
    }

    /** Runs {@code call} on both; both must answer with the same code, which is returned. */
    private String same(Call call) {
        String theirs = code(swtpm, call);
        String ours = code(engine, call);
        assertEquals(theirs, ours);
        return ours;
    }

    private static String code(Tpm tpm, Call call) {
        try {
            call.run(tpm);
            return "success";
        } catch (TpmCommandException e) {
            return e.rc().toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static CreatePrimaryResponse primary(Tpm tpm, Handle hierarchy, Auth auth) throws Exception {
        return tpm.execute(new CreatePrimary(hierarchy, Tpm2b.of(SensitiveCreate.EMPTY), Tpm2b.of(KEY), Data.EMPTY,
                PcrSelectionList.EMPTY), PasswordSession.of(auth));
    }

    /** The public key of the primary {@link #KEY} in a hierarchy, to see whether its seed changed. */
    private static Tpm2b<Public> primaryKey(Tpm tpm, Handle hierarchy) throws Exception {
        CreatePrimaryResponse created = primary(tpm, hierarchy, Auth.EMPTY);
        tpm.execute(new FlushContext(created.objectHandle()));
        return created.outPublic();
    }

    private static void defineIndex(Tpm tpm, Handle provision, Handle index, Auth auth) throws Exception {
        NvAttributes attributes = NvAttributes.of(NvAttributes.AUTHREAD, NvAttributes.AUTHWRITE)
                .with(provision.equals(Handle.RH_PLATFORM) ? NvAttributes.PLATFORMCREATE : NvAttributes.NONE);
        tpm.execute(new NvDefineSpace(provision, Auth.EMPTY, Tpm2b.of(new NvPublic(index, AlgId.SHA256, attributes,
                Digest.EMPTY, 8))), PasswordSession.of(auth));
    }

    private static void persist(Tpm tpm, Handle hierarchy, Handle persistent) throws Exception {
        Handle key = primary(tpm, hierarchy, Auth.EMPTY).objectHandle();
        tpm.execute(new EvictControl(Handle.RH_OWNER, key, persistent), PasswordSession.empty());
        tpm.execute(new FlushContext(key));
    }

    @Test
    void authValuesAndPoliciesOfTheHierarchies() {
        assertEquals("success", same(tpm -> tpm.execute(new HierarchyChangeAuth(Handle.RH_OWNER, OWNER_AUTH),
                PasswordSession.empty())));
        same(tpm -> primary(tpm, Handle.RH_OWNER, Auth.EMPTY));
        same(tpm -> tpm.execute(new FlushContext(new Handle(0x80000000))));
        assertEquals("success", same(tpm -> tpm.execute(new FlushContext(primary(tpm, Handle.RH_OWNER, OWNER_AUTH)
                .objectHandle()))));
        same(tpm -> tpm.execute(new HierarchyChangeAuth(Handle.RH_ENDORSEMENT, new Auth(new byte[] {1, 2, 0, 0})),
                PasswordSession.empty()));
        same(tpm -> tpm.execute(new HierarchyChangeAuth(Handle.RH_ENDORSEMENT, Auth.EMPTY),
                PasswordSession.of(new Auth(new byte[] {1, 2}))));
        same(tpm -> tpm.execute(new HierarchyChangeAuth(Handle.RH_OWNER, Auth.EMPTY), PasswordSession.of(OWNER_AUTH)));

        Digest policy = new Digest(new byte[32]);
        same(tpm -> tpm.execute(new SetPrimaryPolicy(Handle.RH_OWNER, new Digest(new byte[20]), AlgId.SHA256),
                PasswordSession.empty()));
        same(tpm -> tpm.execute(new SetPrimaryPolicy(Handle.RH_OWNER, policy, AlgId.NULL), PasswordSession.empty()));
        assertEquals("success", same(tpm -> tpm.execute(new SetPrimaryPolicy(Handle.RH_ENDORSEMENT, policy,
                AlgId.SHA256), PasswordSession.empty())));
        same(tpm -> tpm.execute(new SetPrimaryPolicy(Handle.RH_ENDORSEMENT, Digest.EMPTY, AlgId.NULL),
                PasswordSession.empty()));
    }

    @Test
    void aPrimaryPolicyAuthorizesItsHierarchy() {
        Digest createPrimaryOnly = TrialPolicy.of(HashAlgorithm.SHA256).policyCommandCode(Cc.CREATE_PRIMARY)
                .digest();
        same(tpm -> tpm.execute(new HierarchyChangeAuth(Handle.RH_OWNER, OWNER_AUTH), PasswordSession.empty()));
        assertEquals("success", same(tpm -> tpm.execute(new SetPrimaryPolicy(Handle.RH_OWNER, createPrimaryOnly,
                AlgId.SHA256), PasswordSession.of(OWNER_AUTH))));
        for (Cc code : List.of(Cc.CREATE_PRIMARY, Cc.NV_DEFINE_SPACE)) {
            String answer = same(tpm -> {
                PolicySession policy = PolicySession.start(tpm, SessionSetup.unsalted(HashAlgorithm.SHA256));
                try {
                    tpm.execute(new PolicyCommandCode(policy.handle(), code));
                    return tpm.execute(new FlushContext(tpm.execute(new CreatePrimary(Handle.RH_OWNER,
                            Tpm2b.of(SensitiveCreate.EMPTY), Tpm2b.of(KEY), Data.EMPTY, PcrSelectionList.EMPTY),
                            policy).objectHandle()));
                } finally {
                    tpm.execute(new FlushContext(policy.handle()));
                }
            });
            assertEquals(code.equals(Cc.CREATE_PRIMARY), answer.equals("success"), code + ": " + answer);
        }
    }

    @Test
    void clearRemovesTheOwnersThingsUnlessDisabled() throws Exception {
        List<List<Tpm2b<Public>>> before = new ArrayList<>();
        List<Tpm2b<Public>> ownerBefore = new ArrayList<>();
        for (Tpm tpm : List.of(engine, swtpm)) {
            persist(tpm, Handle.RH_OWNER, PERSISTENT_OWNER);
            persist(tpm, Handle.RH_ENDORSEMENT, PERSISTENT_ENDORSEMENT);
            defineIndex(tpm, Handle.RH_OWNER, OWNER_INDEX, Auth.EMPTY);
            defineIndex(tpm, Handle.RH_PLATFORM, PLATFORM_INDEX, Auth.EMPTY);
            ownerBefore.add(primaryKey(tpm, Handle.RH_OWNER));
            tpm.execute(new HierarchyChangeAuth(Handle.RH_LOCKOUT, LOCKOUT_AUTH), PasswordSession.empty());
            tpm.execute(new HierarchyChangeAuth(Handle.RH_OWNER, OWNER_AUTH), PasswordSession.empty());
            tpm.execute(new ClockSet(Handle.RH_OWNER, 1L << 40), PasswordSession.of(OWNER_AUTH));
            before.add(List.of(primaryKey(tpm, Handle.RH_ENDORSEMENT), primaryKey(tpm, Handle.RH_PLATFORM)));
        }
        same(tpm -> tpm.execute(new ClearControl(Handle.RH_LOCKOUT, false), PasswordSession.of(LOCKOUT_AUTH)));
        same(tpm -> tpm.execute(new ClearControl(Handle.RH_LOCKOUT, true), PasswordSession.of(LOCKOUT_AUTH)));
        assertEquals(TpmRc.DISABLED.toString(), same(tpm -> tpm.execute(new Clear(Handle.RH_LOCKOUT),
                PasswordSession.of(LOCKOUT_AUTH))));
        same(tpm -> tpm.execute(new ClearControl(Handle.RH_PLATFORM, false), PasswordSession.empty()));
        assertEquals("success", same(tpm -> tpm.execute(new Clear(Handle.RH_LOCKOUT),
                PasswordSession.of(LOCKOUT_AUTH))));

        same(tpm -> tpm.execute(new ReadPublic(PERSISTENT_OWNER)));
        same(tpm -> tpm.execute(new ReadPublic(PERSISTENT_ENDORSEMENT)));
        same(tpm -> tpm.execute(new NvReadPublic(OWNER_INDEX)));
        assertEquals("success", same(tpm -> tpm.execute(new NvReadPublic(PLATFORM_INDEX))));
        assertEquals("success", same(tpm -> tpm.execute(new HierarchyChangeAuth(Handle.RH_LOCKOUT, Auth.EMPTY),
                PasswordSession.empty())));
        for (int i = 0; i < 2; i++) {
            Tpm tpm = i == 0 ? engine : swtpm;
            assertEquals(before.get(i), List.of(primaryKey(tpm, Handle.RH_ENDORSEMENT),
                    primaryKey(tpm, Handle.RH_PLATFORM)), "the endorsement and platform seeds stay");
            assertNotEquals(ownerBefore.get(i), primaryKey(tpm, Handle.RH_OWNER), "the storage seed is new");
            assertTrue(Long.compareUnsigned(tpm.execute(new ReadClock()).currentTime().clockInfo().clock(),
                    1L << 40) < 0, "Clear sets Clock back");
        }
    }

    @Test
    void hierarchiesAreSwitchedOffAndOnByWhomTheSpecAllows() throws Exception {
        for (Tpm tpm : List.of(engine, swtpm)) {
            defineIndex(tpm, Handle.RH_OWNER, OWNER_INDEX, Auth.EMPTY);
            defineIndex(tpm, Handle.RH_PLATFORM, PLATFORM_INDEX, Auth.EMPTY);
            persist(tpm, Handle.RH_OWNER, PERSISTENT_OWNER);
        }
        same(tpm -> tpm.execute(new HierarchyControl(Handle.RH_ENDORSEMENT, Handle.RH_OWNER, false),
                PasswordSession.empty()));
        same(tpm -> tpm.execute(new HierarchyControl(Handle.RH_OWNER, Handle.RH_PLATFORM, false),
                PasswordSession.empty()));
        same(tpm -> tpm.execute(new HierarchyControl(Handle.RH_OWNER, Handle.RH_OWNER, true),
                PasswordSession.empty()));
        same(tpm -> primary(tpm, Handle.RH_OWNER, Auth.EMPTY));
        assertEquals("success", same(tpm -> tpm.execute(new HierarchyControl(Handle.RH_OWNER, Handle.RH_OWNER,
                false), PasswordSession.empty())));
        same(tpm -> primary(tpm, Handle.RH_OWNER, Auth.EMPTY));
        same(tpm -> tpm.execute(new NvReadPublic(OWNER_INDEX)));
        same(tpm -> tpm.execute(new ReadPublic(PERSISTENT_OWNER)));
        same(tpm -> tpm.execute(new HierarchyControl(Handle.RH_OWNER, Handle.RH_OWNER, true),
                PasswordSession.empty()));
        same(tpm -> tpm.execute(new HierarchyControl(Handle.RH_PLATFORM, Handle.RH_OWNER, true),
                PasswordSession.empty()));
        assertEquals("success", same(tpm -> tpm.execute(new NvReadPublic(OWNER_INDEX))));

        same(tpm -> tpm.execute(new HierarchyControl(Handle.RH_PLATFORM, Handle.RH_PLATFORM_NV, false),
                PasswordSession.empty()));
        same(tpm -> tpm.execute(new NvReadPublic(PLATFORM_INDEX)));
        same(tpm -> tpm.execute(new HierarchyControl(Handle.RH_PLATFORM, Handle.RH_PLATFORM_NV, true),
                PasswordSession.empty()));
        same(tpm -> tpm.execute(new HierarchyControl(Handle.RH_PLATFORM, Handle.RH_ENDORSEMENT, false),
                PasswordSession.empty()));
        same(tpm -> primary(tpm, Handle.RH_ENDORSEMENT, Auth.EMPTY));
        same(tpm -> tpm.execute(new HierarchyControl(Handle.RH_PLATFORM, Handle.RH_PLATFORM, false),
                PasswordSession.empty()));
        same(tpm -> primary(tpm, Handle.RH_PLATFORM, Auth.EMPTY));
    }

    @Test
    void newEndorsementAndPlatformSeedsMakeNewPrimaries() throws Exception {
        List<List<Tpm2b<Public>>> before = new ArrayList<>();
        for (Tpm tpm : List.of(engine, swtpm)) {
            persist(tpm, Handle.RH_ENDORSEMENT, PERSISTENT_ENDORSEMENT);
            defineIndex(tpm, Handle.RH_PLATFORM, PLATFORM_INDEX, Auth.EMPTY);
            defineIndex(tpm, Handle.RH_OWNER, OWNER_INDEX, Auth.EMPTY);
            before.add(List.of(primaryKey(tpm, Handle.RH_ENDORSEMENT), primaryKey(tpm, Handle.RH_PLATFORM),
                    primaryKey(tpm, Handle.RH_OWNER)));
        }
        same(tpm -> tpm.execute(new ChangeEps(Handle.RH_OWNER), PasswordSession.empty()));
        assertEquals("success", same(tpm -> tpm.execute(new ChangeEps(Handle.RH_PLATFORM), PasswordSession.empty())));
        same(tpm -> tpm.execute(new ReadPublic(PERSISTENT_ENDORSEMENT)));
        assertEquals("success", same(tpm -> tpm.execute(new ChangePps(Handle.RH_PLATFORM), PasswordSession.empty())));
        assertEquals("success", same(tpm -> tpm.execute(new NvReadPublic(PLATFORM_INDEX))));
        assertEquals("success", same(tpm -> tpm.execute(new NvReadPublic(OWNER_INDEX))));
        for (int i = 0; i < 2; i++) {
            Tpm tpm = i == 0 ? engine : swtpm;
            assertNotEquals(before.get(i).get(0), primaryKey(tpm, Handle.RH_ENDORSEMENT));
            assertNotEquals(before.get(i).get(1), primaryKey(tpm, Handle.RH_PLATFORM));
            assertEquals(before.get(i).get(2), primaryKey(tpm, Handle.RH_OWNER));
        }
    }

    @Test
    void clockOnlyMovesForward() throws Exception {
        same(tpm -> tpm.execute(new ClockSet(Handle.RH_OWNER, 0), PasswordSession.empty()));
        same(tpm -> tpm.execute(new ClockSet(Handle.RH_OWNER, 0xFFFF_0000_0000_0001L), PasswordSession.empty()));
        same(tpm -> tpm.execute(new ClockSet(Handle.RH_ENDORSEMENT, 1L << 41), PasswordSession.empty()));
        assertEquals("success", same(tpm -> tpm.execute(new ClockSet(Handle.RH_PLATFORM, 1L << 41),
                PasswordSession.empty())));
        for (Tpm tpm : List.of(engine, swtpm)) {
            long clock = tpm.execute(new ReadClock()).currentTime().clockInfo().clock();
            assertTrue(clock >= 1L << 41 && clock < (1L << 41) + 60_000, Long.toString(clock));
        }
    }
}
