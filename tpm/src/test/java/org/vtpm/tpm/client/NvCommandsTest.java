package org.vtpm.tpm.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.command.NvChangeAuth;
import org.vtpm.tpm.command.NvDefineSpace;
import org.vtpm.tpm.command.NvExtend;
import org.vtpm.tpm.command.NvIncrement;
import org.vtpm.tpm.command.NvRead;
import org.vtpm.tpm.command.NvReadLock;
import org.vtpm.tpm.command.NvReadPublic;
import org.vtpm.tpm.command.NvReadPublicResponse;
import org.vtpm.tpm.command.NvSetBits;
import org.vtpm.tpm.command.NvUndefineSpace;
import org.vtpm.tpm.command.NvWrite;
import org.vtpm.tpm.command.NvWriteLock;
import org.vtpm.tpm.command.PolicyCommandCode;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.policy.TrialPolicy;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.Cc;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.MaxNvBuffer;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.Nt;
import org.vtpm.tpm.types.NvAttributes;
import org.vtpm.tpm.types.NvPublic;
import org.vtpm.tpm.types.SessionAttributes;
import org.vtpm.tpm.wire.Tpm2b;
import org.vtpm.tpm.wire.TpmRc;

/**
 * Every NV command against swtpm: define, read the public area (its name recomputed offline),
 * write and read (also through an encrypting HMAC session), counters, bit fields, extend
 * indices, write and read locks, changing an index's authValue under a policy, undefine.
 */
class NvCommandsTest {

    private static final HashAlgorithm SHA256 = HashAlgorithm.SHA256;
    private static final Auth AUTH = new Auth("nv-auth".getBytes(StandardCharsets.UTF_8));
    private static final NvAttributes BY_AUTH = NvAttributes.of(NvAttributes.AUTHREAD, NvAttributes.AUTHWRITE,
            NvAttributes.NO_DA);

    private static SwtpmFixture swtpm;
    private static int nextIndex = 0x0150_0100;

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

    private static Handle define(NvAttributes attributes, Digest policy, int size) throws Exception {
        Handle index = new Handle(nextIndex++);
        swtpm.tpm.execute(new NvDefineSpace(Handle.RH_OWNER, AUTH, Tpm2b.of(new NvPublic(index, AlgId.SHA256,
                attributes, policy, size))), PasswordSession.empty());
        return index;
    }

    private static byte[] read(Handle index, int size, Session auth) throws Exception {
        return swtpm.tpm.execute(new NvRead(index, index, size, 0), auth).data().buffer();
    }

    @Test
    void anOrdinaryIndexIsWrittenAndReadThroughAnEncryptingSession() throws Exception {
        Handle index = define(BY_AUTH, Digest.EMPTY, 32);
        NvReadPublicResponse fresh = swtpm.tpm.execute(new NvReadPublic(index));
        assertEquals(Name.of(fresh.nvPublic().value()), fresh.nvName());
        assertFalse(fresh.nvPublic().value().attributes().has(NvAttributes.WRITTEN));

        byte[] data = "thirty-two bytes of NV contents!".getBytes(StandardCharsets.UTF_8);
        HmacSession session = HmacSession.start(swtpm.tpm, SessionSetup.unsalted(SHA256).bound(index, AUTH)
                .withAesCfb(128)).withAuth(AUTH);
        swtpm.tpm.execute(new NvWrite(index, index, new MaxNvBuffer(data), 0), session.withAttributes(
                SessionAttributes.of(SessionAttributes.CONTINUE_SESSION, SessionAttributes.DECRYPT)));
        assertFalse(HmacSessionTest.contains(swtpm.lastCommand(), data));

        NvReadPublicResponse written = swtpm.tpm.execute(new NvReadPublic(index));
        assertTrue(written.nvPublic().value().attributes().has(NvAttributes.WRITTEN));
        assertNotEquals(fresh.nvName(), written.nvName(), "TPMA_NV_WRITTEN is part of the name");
        assertEquals(Name.of(written.nvPublic().value()), written.nvName());

        byte[] back = read(index, 32, session.withAttributes(SessionAttributes.of(SessionAttributes.CONTINUE_SESSION,
                SessionAttributes.ENCRYPT)));
        assertArrayEquals(data, back);
        assertFalse(HmacSessionTest.contains(swtpm.lastResponse(), data));
        assertArrayEquals(data, read(index, 32, PasswordSession.of(AUTH)));

        swtpm.tpm.execute(new NvUndefineSpace(Handle.RH_OWNER, index), PasswordSession.empty());
        TpmCommandException gone = assertThrows(TpmCommandException.class,
                () -> swtpm.tpm.execute(new NvReadPublic(index)));
        assertEquals(TpmRc.HANDLE.withHandle(1), gone.rc());
    }

    @Test
    void aCounterIncrements() throws Exception {
        Handle index = define(BY_AUTH.withNt(Nt.COUNTER), Digest.EMPTY, 8);
        swtpm.tpm.execute(new NvIncrement(index, index), PasswordSession.of(AUTH));
        long first = new BigInteger(1, read(index, 8, PasswordSession.of(AUTH))).longValueExact();
        swtpm.tpm.execute(new NvIncrement(index, index), PasswordSession.of(AUTH));
        long second = new BigInteger(1, read(index, 8, PasswordSession.of(AUTH))).longValueExact();
        assertEquals(first + 1, second);
    }

    @Test
    void aBitFieldAccumulatesSetBits() throws Exception {
        Handle index = define(BY_AUTH.withNt(Nt.BITS), Digest.EMPTY, 8);
        swtpm.tpm.execute(new NvSetBits(index, index, 0x5L), PasswordSession.of(AUTH));
        swtpm.tpm.execute(new NvSetBits(index, index, 0x8000_0000_0000_0100L), PasswordSession.of(AUTH));
        assertEquals(0x8000_0000_0000_0105L, new BigInteger(1, read(index, 8, PasswordSession.of(AUTH))).longValue());
    }

    @Test
    void anExtendIndexHashesLikeAPcr() throws Exception {
        Handle index = define(BY_AUTH.withNt(Nt.EXTEND), Digest.EMPTY, 32);
        byte[] data = "extend me".getBytes(StandardCharsets.UTF_8);
        swtpm.tpm.execute(new NvExtend(index, index, new MaxNvBuffer(data)), PasswordSession.of(AUTH));
        assertArrayEquals(SHA256.hash(new byte[32], data), read(index, 32, PasswordSession.of(AUTH)));
    }

    @Test
    void writeAndReadLocksRefuseFurtherAccess() throws Exception {
        Handle index = define(BY_AUTH.with(NvAttributes.of(NvAttributes.WRITEDEFINE, NvAttributes.READ_STCLEAR)),
                Digest.EMPTY, 4);
        swtpm.tpm.execute(new NvWrite(index, index, new MaxNvBuffer(new byte[] {1, 2, 3, 4}), 0),
                PasswordSession.of(AUTH));
        swtpm.tpm.execute(new NvWriteLock(index, index), PasswordSession.of(AUTH));
        TpmCommandException write = assertThrows(TpmCommandException.class, () -> swtpm.tpm.execute(
                new NvWrite(index, index, new MaxNvBuffer(new byte[] {9}), 0), PasswordSession.of(AUTH)));
        assertEquals(TpmRc.NV_LOCKED, write.rc());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, read(index, 4, PasswordSession.of(AUTH)));

        swtpm.tpm.execute(new NvReadLock(index, index), PasswordSession.of(AUTH));
        TpmCommandException read = assertThrows(TpmCommandException.class,
                () -> read(index, 4, PasswordSession.of(AUTH)));
        assertEquals(TpmRc.NV_LOCKED, read.rc());
    }

    @Test
    void changeAuthNeedsThePolicyOfTheIndex() throws Exception {
        Digest policy = TrialPolicy.of(SHA256).policyCommandCode(Cc.NV_CHANGE_AUTH).digest();
        Handle index = define(BY_AUTH, policy, 4);
        swtpm.tpm.execute(new NvWrite(index, index, new MaxNvBuffer(new byte[] {4, 3, 2, 1}), 0),
                PasswordSession.of(AUTH));
        Auth newAuth = new Auth("changed".getBytes(StandardCharsets.UTF_8));
        PolicySession session = PolicySession.start(swtpm.tpm, SessionSetup.unsalted(SHA256));
        swtpm.tpm.execute(new PolicyCommandCode(session.handle(), Cc.NV_CHANGE_AUTH));
        swtpm.tpm.execute(new NvChangeAuth(index, newAuth), session);

        assertArrayEquals(new byte[] {4, 3, 2, 1}, read(index, 4, PasswordSession.of(newAuth)));
        TpmCommandException old = assertThrows(TpmCommandException.class,
                () -> read(index, 4, PasswordSession.of(AUTH)));
        assertEquals(TpmRc.BAD_AUTH.withSession(1), old.rc());
    }
}
