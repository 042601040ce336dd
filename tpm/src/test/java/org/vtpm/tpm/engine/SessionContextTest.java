package org.vtpm.tpm.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.client.HmacSession;
import org.vtpm.tpm.client.PasswordSession;
import org.vtpm.tpm.client.SessionSetup;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.client.TpmCommandException;
import org.vtpm.tpm.command.ContextLoad;
import org.vtpm.tpm.command.ContextSave;
import org.vtpm.tpm.command.FlushContext;
import org.vtpm.tpm.command.GetCapability;
import org.vtpm.tpm.command.NvDefineSpace;
import org.vtpm.tpm.command.NvRead;
import org.vtpm.tpm.command.NvWrite;
import org.vtpm.tpm.command.Shutdown;
import org.vtpm.tpm.command.Startup;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.transport.InProcessTransport;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.Cap;
import org.vtpm.tpm.types.Context;
import org.vtpm.tpm.types.ContextData;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.HandleList;
import org.vtpm.tpm.types.Hc;
import org.vtpm.tpm.types.MaxNvBuffer;
import org.vtpm.tpm.types.NvAttributes;
import org.vtpm.tpm.types.NvPublic;
import org.vtpm.tpm.types.Pt;
import org.vtpm.tpm.types.Su;
import org.vtpm.tpm.types.TaggedTpmPropertyList;
import org.vtpm.tpm.wire.Tpm2b;
import org.vtpm.tpm.wire.TpmRc;

/** TPM2_ContextSave and TPM2_ContextLoad of HMAC sessions, through the library's client. */
class SessionContextTest {

    private static final Handle INDEX = new Handle(0x01500021);
    private static final Auth SECRET = new Auth("secret".getBytes());
    private static final int SAVED_SESSIONS = 0x0300_0000;

    private Engine engine;
    private Tpm tpm;

    @BeforeEach
    void start() throws Exception {
        engine = Engine.manufacture(new SecureRandom());
        connect();
        tpm.execute(new Startup(Su.CLEAR));
        NvPublic index = new NvPublic(INDEX, AlgId.SHA256, NvAttributes.of(NvAttributes.AUTHWRITE,
                NvAttributes.AUTHREAD), Digest.EMPTY, 16);
        tpm.execute(new NvDefineSpace(Handle.RH_OWNER, SECRET, Tpm2b.of(index)), PasswordSession.empty());
    }

    private void connect() {
        tpm = new Tpm(new InProcessTransport(engine, "session contexts"));
    }

    private HmacSession encryptingSession() throws Exception {
        return HmacSession.start(tpm, SessionSetup.unsalted(HashAlgorithm.SHA256).withAesCfb(128)).withAuth(SECRET);
    }

    private List<Handle> handles(int range) throws Exception {
        return ((HandleList) tpm.execute(new GetCapability(Cap.HANDLES, range, 8)).capabilityData().data()).handles();
    }

    private int property(Pt property) throws Exception {
        return ((TaggedTpmPropertyList) tpm.execute(new GetCapability(Cap.TPM_PROPERTIES, property.value(), 1))
                .capabilityData().data()).tpmProperty().get(0).value();
    }

    private byte[] writeAndRead(HmacSession session, int marker) throws Exception {
        byte[] data = new byte[16];
        data[0] = (byte) marker;
        tpm.execute(new NvWrite(INDEX, INDEX, new MaxNvBuffer(data), 0), session);
        assertArrayEquals(data, tpm.execute(new NvRead(INDEX, INDEX, 16, 0), session).data().buffer());
        return data;
    }

    @Test
    void aSavedSessionKeepsItsHandleAndIsUsableAfterLoading() throws Exception {
        HmacSession session = encryptingSession();
        writeAndRead(session, 1);
        Context saved = tpm.execute(new ContextSave(session.handle())).context();

        assertEquals(session.handle(), saved.savedHandle());
        assertEquals(List.of(), handles(Hc.HMAC_SESSION_FIRST));
        assertEquals(List.of(session.handle()), handles(SAVED_SESSIONS));
        assertEquals(0, property(Pt.HR_LOADED));
        assertEquals(1, property(Pt.HR_ACTIVE));
        TpmCommandException unloaded = assertThrows(TpmCommandException.class,
                () -> tpm.execute(new NvRead(INDEX, INDEX, 16, 0), session));
        assertEquals(TpmRc.REFERENCE_S0, unloaded.rc(), "a saved session authorizes nothing");

        assertEquals(session.handle(), tpm.execute(new ContextLoad(saved)).loadedHandle());
        assertEquals(List.of(session.handle()), handles(Hc.HMAC_SESSION_FIRST));
        assertEquals(List.of(), handles(SAVED_SESSIONS));
        assertEquals(1, property(Pt.HR_LOADED));
        writeAndRead(session, 2);
    }

    @Test
    void aContextLoadsOnceAndAnOlderContextIsRefused() throws Exception {
        HmacSession session = encryptingSession();
        Context first = tpm.execute(new ContextSave(session.handle())).context();
        tpm.execute(new ContextLoad(first));
        TpmCommandException again = assertThrows(TpmCommandException.class,
                () -> tpm.execute(new ContextLoad(first)));
        assertEquals(TpmRc.HANDLE.withParameter(1), again.rc());

        writeAndRead(session, 3);
        Context second = tpm.execute(new ContextSave(session.handle())).context();
        TpmCommandException replayed = assertThrows(TpmCommandException.class,
                () -> tpm.execute(new ContextLoad(first)));
        assertEquals(TpmRc.HANDLE.withParameter(1), replayed.rc(), "the context saved before the last");
        tpm.execute(new ContextLoad(second));
        writeAndRead(session, 4);
    }

    @Test
    void flushingASavedSessionDiscardsIt() throws Exception {
        HmacSession session = encryptingSession();
        Context saved = tpm.execute(new ContextSave(session.handle())).context();
        tpm.execute(new FlushContext(session.handle()));

        assertEquals(List.of(), handles(SAVED_SESSIONS));
        assertEquals(0, property(Pt.HR_ACTIVE));
        TpmCommandException gone = assertThrows(TpmCommandException.class, () -> tpm.execute(new ContextLoad(saved)));
        assertEquals(TpmRc.HANDLE.withParameter(1), gone.rc());
        TpmCommandException twice = assertThrows(TpmCommandException.class,
                () -> tpm.execute(new FlushContext(session.handle())));
        assertEquals(TpmRc.HANDLE.withParameter(1), twice.rc());
    }

    @Test
    void anAlteredContextIsRefusedAndTheSessionStaysSaved() throws Exception {
        HmacSession session = encryptingSession();
        Context saved = tpm.execute(new ContextSave(session.handle())).context();
        byte[] blob = saved.contextBlob().buffer();
        blob[blob.length - 1] ^= 1;
        Context altered = new Context(saved.sequence(), saved.savedHandle(), saved.hierarchy(), new ContextData(blob));
        TpmCommandException e = assertThrows(TpmCommandException.class, () -> tpm.execute(new ContextLoad(altered)));
        assertEquals(TpmRc.INTEGRITY.withParameter(1), e.rc());
        Context otherHierarchy = new Context(saved.sequence(), saved.savedHandle(), Handle.RH_OWNER,
                saved.contextBlob());
        e = assertThrows(TpmCommandException.class, () -> tpm.execute(new ContextLoad(otherHierarchy)));
        assertEquals(TpmRc.HANDLE.withParameter(1), e.rc());

        tpm.execute(new ContextLoad(saved));
        writeAndRead(session, 6);
    }

    @Test
    void savedSessionsHoldTheirSlotsUntilFlushed() throws Exception {
        for (int i = 0; i < 3; i++) {
            tpm.execute(new ContextSave(encryptingSession().handle()));
        }
        assertEquals(3, handles(SAVED_SESSIONS).size());
        assertEquals(0, property(Pt.HR_ACTIVE_AVAIL));
        TpmCommandException full = assertThrows(TpmCommandException.class, this::encryptingSession);
        assertEquals(TpmRc.SESSION_HANDLES, full.rc());
    }

    @Test
    void aLoadedSessionWithoutParameterEncryptionSurvivesAStateRoundTrip() throws Exception {
        HmacSession session = HmacSession.start(tpm, SessionSetup.unsalted(HashAlgorithm.SHA256)).withAuth(SECRET);
        byte[] state = engine.saveState();

        engine = Engine.restore(state);
        assertArrayEquals(state, engine.saveState());
        connect();
        writeAndRead(session, 6);
    }

    @Test
    void aSavedSessionSurvivesAStateRoundTripAndARestartButNotAReset() throws Exception {
        HmacSession session = encryptingSession();
        Context saved = tpm.execute(new ContextSave(session.handle())).context();
        tpm.execute(new Shutdown(Su.STATE));
        byte[] state = engine.saveState();

        engine = Engine.restore(state);
        assertArrayEquals(state, engine.saveState());
        engine.tpmInit();
        connect();
        tpm.execute(new Startup(Su.STATE));
        assertEquals(List.of(session.handle()), handles(SAVED_SESSIONS));
        assertEquals(session.handle(), tpm.execute(new ContextLoad(saved)).loadedHandle());
        writeAndRead(session, 5);

        Context beforeReset = tpm.execute(new ContextSave(session.handle())).context();
        engine.tpmInit();
        tpm.execute(new Startup(Su.CLEAR));
        assertEquals(List.of(), handles(SAVED_SESSIONS));
        TpmCommandException voided = assertThrows(TpmCommandException.class,
                () -> tpm.execute(new ContextLoad(beforeReset)));
        assertEquals(TpmRc.HANDLE.withParameter(1), voided.rc());
    }

    @Test
    void aStateWrittenBeforeSavedSessionsExistedStillLoads() throws Exception {
        tpm.execute(new ContextSave(encryptingSession().handle()));
        tpm.execute(new Shutdown(Su.STATE));
        byte[] state = engine.saveState();
        // The saved-sessions section and those added after it, as a state of that time lacks them.
        int savedSection = new String(state, StandardCharsets.ISO_8859_1).indexOf("SVSS");
        assertEquals("SVSS", new String(state, savedSection, 4, StandardCharsets.US_ASCII));

        engine = Engine.restore(Arrays.copyOf(state, savedSection));
        engine.tpmInit();
        connect();
        tpm.execute(new Startup(Su.STATE));
        assertEquals(List.of(), handles(SAVED_SESSIONS));
        assertEquals(0, property(Pt.HR_ACTIVE));
    }
}
