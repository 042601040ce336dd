package org.vtpm.tpm.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.client.PasswordSession;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.client.TpmCommandException;
import org.vtpm.tpm.command.GetCapability;
import org.vtpm.tpm.command.GetRandom;
import org.vtpm.tpm.command.Hash;
import org.vtpm.tpm.command.HashResponse;
import org.vtpm.tpm.command.PcrEvent;
import org.vtpm.tpm.command.PcrExtend;
import org.vtpm.tpm.command.PcrRead;
import org.vtpm.tpm.command.PcrReadResponse;
import org.vtpm.tpm.command.PcrReset;
import org.vtpm.tpm.command.Shutdown;
import org.vtpm.tpm.command.Startup;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.engine.state.ShutdownState;
import org.vtpm.tpm.transport.InProcessTransport;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Cap;
import org.vtpm.tpm.types.CcAttributes;
import org.vtpm.tpm.types.CcaList;
import org.vtpm.tpm.types.DigestValuesList;
import org.vtpm.tpm.types.Event;
import org.vtpm.tpm.types.Ha;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.MaxBuffer;
import org.vtpm.tpm.types.PcrSelect;
import org.vtpm.tpm.types.PcrSelection;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.St;
import org.vtpm.tpm.types.Su;
import org.vtpm.tpm.wire.TpmRc;

class EngineTest {

    private Engine engine;
    private InProcessTransport transport;
    private Tpm tpm;

    @BeforeEach
    void manufactureAndStart() throws Exception {
        engine = Engine.manufacture(new SecureRandom());
        transport = new InProcessTransport(engine, "engine-test");
        tpm = new Tpm(transport);
        tpm.execute(new Startup(Su.CLEAR));
    }

    private byte[] readPcr(HashAlgorithm bank, int pcr) throws Exception {
        PcrReadResponse r = tpm.execute(new PcrRead(PcrSelectionList.of(
                new PcrSelection(new AlgId(bank.algId()), PcrSelect.of(pcr)))));
        return r.pcrValues().digests().get(0).buffer();
    }

    private void extend(int pcr, HashAlgorithm bank, byte[] digest) throws Exception {
        tpm.execute(new PcrExtend(Handle.pcr(pcr), new DigestValuesList(List.of(
                new Ha(new AlgId(bank.algId()), org.vtpm.tpm.wire.Bytes.of(digest))))), PasswordSession.empty());
    }

    @Test
    void onlyStartupRunsBeforeStartup() {
        Engine fresh = Engine.manufacture(new SecureRandom());
        byte[] response = fresh.process(0, Bytes.command("8001 00000000 0000017b 0008"));
        assertEquals(TpmRc.INITIALIZE.value(), Bytes.responseCode(response));
        assertFalse(fresh.isStarted());
    }

    @Test
    void aSecondStartupIsRefused() {
        TpmCommandException e = assertThrows(TpmCommandException.class, () -> tpm.execute(new Startup(Su.CLEAR)));
        assertEquals(TpmRc.INITIALIZE, e.rc());
    }

    @Test
    void extendComputesTheHashChainInTheNamedBankOnly() throws Exception {
        byte[] digest = HashAlgorithm.SHA256.hash("measured".getBytes());
        byte[] before = readPcr(HashAlgorithm.SHA1, 7);
        extend(7, HashAlgorithm.SHA256, digest);
        assertArrayEquals(HashAlgorithm.SHA256.hash(new byte[32], digest), readPcr(HashAlgorithm.SHA256, 7));
        assertArrayEquals(before, readPcr(HashAlgorithm.SHA1, 7));
    }

    @Test
    void eventHashesTheDataInEveryBankAndExtendsEach() throws Exception {
        byte[] data = "event".getBytes();
        var response = tpm.execute(new PcrEvent(Handle.pcr(5), new Event(data)), PasswordSession.empty());
        assertEquals(3, response.digests().digests().size());
        for (HashAlgorithm bank : List.of(HashAlgorithm.SHA1, HashAlgorithm.SHA256, HashAlgorithm.SHA384)) {
            byte[] expected = bank.hash(new byte[bank.digestSize()], bank.hash(data));
            assertArrayEquals(expected, readPcr(bank, 5), bank.name());
        }
    }

    @Test
    void localityRulesOfThePcClientProfile() throws Exception {
        byte[] digest = new byte[32];
        TpmCommandException e = assertThrows(TpmCommandException.class, () -> extend(17, HashAlgorithm.SHA256, digest));
        assertEquals(TpmRc.LOCALITY, e.rc());
        e = assertThrows(TpmCommandException.class,
                () -> tpm.execute(new PcrReset(Handle.pcr(0)), PasswordSession.empty()));
        assertEquals(TpmRc.LOCALITY, e.rc());

        transport.setLocality(2);
        extend(21, HashAlgorithm.SHA256, digest);
        tpm.execute(new PcrReset(Handle.pcr(21)), PasswordSession.empty());
        assertArrayEquals(new byte[32], readPcr(HashAlgorithm.SHA256, 21));
        transport.setLocality(0);
        assertArrayEquals(new byte[32], readPcr(HashAlgorithm.SHA256, 21));
        byte[] allOnes = readPcr(HashAlgorithm.SHA256, 17);
        for (byte b : allOnes) {
            assertEquals((byte) 0xFF, b, "D-RTM PCRs start as all ones");
        }
    }

    @Test
    void aWrongPasswordFailsWithTheSessionNumber() {
        TpmCommandException e = assertThrows(TpmCommandException.class,
                () -> tpm.execute(new PcrReset(Handle.pcr(16)), PasswordSession.of("wrong")));
        assertEquals(TpmRc.BAD_AUTH.withSession(1), e.rc(), "PCRs are exempt from dictionary-attack protection");
    }

    @Test
    void resumeKeepsTheStaticPcrsOnly() throws Exception {
        extend(3, HashAlgorithm.SHA256, new byte[32]);
        extend(16, HashAlgorithm.SHA256, new byte[32]);
        byte[] pcr3 = readPcr(HashAlgorithm.SHA256, 3);
        tpm.execute(new Shutdown(Su.STATE));
        assertEquals(ShutdownState.STATE, engine.shutdownState());
        engine.tpmInit();
        tpm.execute(new Startup(Su.STATE));
        assertArrayEquals(pcr3, readPcr(HashAlgorithm.SHA256, 3));
        assertArrayEquals(new byte[32], readPcr(HashAlgorithm.SHA256, 16));

        engine.tpmInit();
        TpmCommandException e = assertThrows(TpmCommandException.class, () -> tpm.execute(new Startup(Su.STATE)),
                "a resume needs a Shutdown(STATE) since the last startup");
        assertEquals(TpmRc.VALUE.withParameter(1), e.rc());
        tpm.execute(new Startup(Su.CLEAR));
        assertArrayEquals(new byte[32], readPcr(HashAlgorithm.SHA256, 3));
    }

    @Test
    void aStateChangingCommandAfterShutdownCancelsTheResume() throws Exception {
        tpm.execute(new Shutdown(Su.STATE));
        extend(3, HashAlgorithm.SHA256, new byte[32]);
        assertEquals(ShutdownState.NONE, engine.shutdownState());
    }

    @Test
    void hashTicketsOnlyForExternalData() throws Exception {
        byte[] data = "abc".getBytes();
        HashResponse owner = tpm.execute(new Hash(new MaxBuffer(data), AlgId.SHA256, Handle.RH_OWNER));
        assertArrayEquals(HashAlgorithm.SHA256.hash(data), owner.outHash().buffer());
        assertEquals(Handle.RH_OWNER, owner.validation().hierarchy());
        assertEquals(St.HASHCHECK, owner.validation().tag());
        assertEquals(32, owner.validation().digest().size());

        byte[] generated = {(byte) 0xFF, 'T', 'C', 'G', 1};
        HashResponse looksGenerated = tpm.execute(new Hash(new MaxBuffer(generated), AlgId.SHA256, Handle.RH_OWNER));
        assertEquals(Handle.RH_NULL, looksGenerated.validation().hierarchy());

        TpmCommandException e = assertThrows(TpmCommandException.class,
                () -> tpm.execute(new Hash(new MaxBuffer(data), AlgId.SHA512, Handle.RH_NULL)));
        assertEquals(TpmRc.HASH.withParameter(2), e.rc());
    }

    @Test
    void getRandomAnswersAtMostTheLargestDigest() throws Exception {
        assertEquals(48, tpm.execute(new GetRandom(1000)).randomBytes().size());
        assertNotEquals(tpm.execute(new GetRandom(16)).randomBytes(), tpm.execute(new GetRandom(16)).randomBytes());
    }

    @Test
    void theCommandListIsWhatIsDispatched() throws Exception {
        CcaList commands = (CcaList) tpm.execute(new GetCapability(Cap.COMMANDS, 0, 1000)).capabilityData().data();
        for (CcAttributes attributes : commands.commandAttributes()) {
            byte[] response = engine.process(0, Bytes.command(String.format("8001 00000000 %08x", attributes.commandIndex())));
            assertNotEquals(TpmRc.COMMAND_CODE.value(), Bytes.responseCode(response), attributes.toString());
        }
        byte[] unlisted = engine.process(0, Bytes.command("8001 00000000 0000012d"));
        assertEquals(TpmRc.COMMAND_CODE.value(), Bytes.responseCode(unlisted));
    }

    @Test
    void theFuzzSeedsAreValidCommands() {
        for (byte[] seed : FuzzTest.SEEDS) {
            int rc = Bytes.responseCode(engine.process(0, seed));
            assertEquals(0, rc,
                    Bytes.hex(seed) + " -> " + Integer.toHexString(rc));
        }
    }

    @Test
    void engineDefectsAndBadLocalitiesStillGetAResponse() {
        assertEquals(TpmRc.LOCALITY.value(), Bytes.responseCode(engine.process(5, Bytes.command("8001 00000000 0000017b 0008"))));
        assertEquals(TpmRc.INSUFFICIENT.value(), Bytes.responseCode(engine.process(0, Bytes.raw("8001 00"))));
        assertEquals(TpmRc.COMMAND_SIZE.value(),
                Bytes.responseCode(engine.process(0, Bytes.raw("8001 0000000d 0000017b 0008"))));
    }

    @Test
    void dictionaryAttackLockoutAndAPowerLossCounted() throws Exception {
        String wrong = "8002 00000000 00000139 4000000a 0000000a 40000009 0000 01 0001 78";
        assertEquals(TpmRc.AUTH_FAIL.withSession(1).value(), Bytes.responseCode(engine.process(0, Bytes.command(wrong))));
        assertEquals(TpmRc.LOCKOUT.value(), Bytes.responseCode(engine.process(0, Bytes.command(wrong))),
                "a failed lockoutAuth locks the lockout entity");

        tpm.execute(new org.vtpm.tpm.command.Hash(new MaxBuffer(new byte[1]), AlgId.SHA256, Handle.RH_NULL));
        String protectedUse = "8002 00000000 0000012a 40000001 00000009 40000009 0000 01 0000"
                + " 0000 000e 01500000 000b 00060006 0000 0004";
        assertEquals(0, Bytes.responseCode(engine.process(0, Bytes.command(protectedUse))));
        String nvWrong = "8002 00000000 00000137 01500000 01500000 0000000a 40000009 0000 01 0001 78 0001 00 0000";
        for (int i = 0; i < 3; i++) {
            assertEquals(TpmRc.AUTH_FAIL.withSession(1).value(),
                    Bytes.responseCode(engine.process(0, Bytes.command(nvWrong))));
        }
        String nvRight = "8002 00000000 00000137 01500000 01500000 00000009 40000009 0000 01 0000 0001 00 0000";
        assertEquals(TpmRc.LOCKOUT.value(), Bytes.responseCode(engine.process(0, Bytes.command(nvRight))));
    }

    @Test
    void drtmSequenceResetsAndExtendsPcr17() throws Exception {
        assertFalse(engine.tpmEstablished());
        engine.hashStart();
        assertTrue(engine.hashData("code".getBytes()));
        assertTrue(engine.hashEnd());
        assertTrue(engine.tpmEstablished());
        byte[] expected = HashAlgorithm.SHA256.hash(new byte[32], HashAlgorithm.SHA256.hash("code".getBytes()));
        assertArrayEquals(expected, readPcr(HashAlgorithm.SHA256, 17));
        assertArrayEquals(new byte[32], readPcr(HashAlgorithm.SHA256, 18));
        assertFalse(engine.resetTpmEstablished(0));
        assertTrue(engine.resetTpmEstablished(4));
        assertFalse(engine.tpmEstablished());
        assertFalse(engine.hashEnd(), "no sequence is open any more");
    }
}
