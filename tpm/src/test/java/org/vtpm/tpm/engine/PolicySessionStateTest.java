package org.vtpm.tpm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.client.PasswordSession;
import org.vtpm.tpm.client.PolicySession;
import org.vtpm.tpm.client.SessionSetup;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.client.TpmCommandException;
import org.vtpm.tpm.command.ContextLoad;
import org.vtpm.tpm.command.ContextSave;
import org.vtpm.tpm.command.Create;
import org.vtpm.tpm.command.CreatePrimary;
import org.vtpm.tpm.command.CreateResponse;
import org.vtpm.tpm.command.Load;
import org.vtpm.tpm.command.PcrExtend;
import org.vtpm.tpm.command.PolicyAuthValue;
import org.vtpm.tpm.command.FlushContext;
import org.vtpm.tpm.command.PolicyGetDigest;
import org.vtpm.tpm.command.PolicyLocality;
import org.vtpm.tpm.command.PolicyPcr;
import org.vtpm.tpm.command.PolicyPhysicalPresence;
import org.vtpm.tpm.command.Shutdown;
import org.vtpm.tpm.command.Startup;
import org.vtpm.tpm.command.Unseal;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.policy.PolicyHashes;
import org.vtpm.tpm.policy.TrialPolicy;
import org.vtpm.tpm.transport.InProcessTransport;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.Context;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.DigestValuesList;
import org.vtpm.tpm.types.Ha;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.LocalityAttributes;
import org.vtpm.tpm.types.PcrSelect;
import org.vtpm.tpm.types.PcrSelection;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.SensitiveCreate;
import org.vtpm.tpm.types.SensitiveData;
import org.vtpm.tpm.types.Su;
import org.vtpm.tpm.wire.Bytes;
import org.vtpm.tpm.wire.Tpm2b;
import org.vtpm.tpm.wire.TpmRc;

/**
 * A policy session's state (its digest and the deferred PCR, authValue, locality and
 * physical-presence conditions) survives TPM2_ContextSave/ContextLoad, a save and restore of the
 * whole engine, and a TPM Resume.
 */
class PolicySessionStateTest {

    private static final PcrSelectionList PCR_16 = PcrSelectionList.of(new PcrSelection(AlgId.SHA256,
            PcrSelect.of(16)));
    private static final Auth AUTH = new Auth("auth".getBytes(StandardCharsets.UTF_8));
    private static final byte[] SECRET = "sealed".getBytes(StandardCharsets.UTF_8);

    private Engine engine;
    private Tpm tpm;

    @BeforeEach
    void start() throws Exception {
        engine = Engine.manufacture(new SecureRandom());
        connect();
        tpm.execute(new Startup(Su.CLEAR));
    }

    private void connect() {
        tpm = new Tpm(new InProcessTransport(engine, "policy state"));
    }

    /** A sealed object whose policy is PolicyPCR(PCR 16 as it is now) then PolicyAuthValue, loaded. */
    private Handle sealed() throws Exception {
        Digest pcrs = PolicyHashes.pcrDigest(HashAlgorithm.SHA256, List.of(new Digest(new byte[32])));
        return sealed(TrialPolicy.of(HashAlgorithm.SHA256).policyPcr(PCR_16, pcrs).policyAuthValue().digest());
    }

    private Handle sealed(Digest policy) throws Exception {
        Handle primary = tpm.execute(new CreatePrimary(Handle.RH_OWNER, Tpm2b.of(SensitiveCreate.EMPTY),
                Tpm2b.of(Templates.rsaStorage()), Data.EMPTY, PcrSelectionList.EMPTY), PasswordSession.empty())
                .objectHandle();
        CreateResponse created = tpm.execute(new Create(primary, Tpm2b.of(new SensitiveCreate(AUTH,
                new SensitiveData(SECRET))), Tpm2b.of(Templates.sealedData(policy)), Data.EMPTY,
                PcrSelectionList.EMPTY), PasswordSession.empty());
        Handle loaded = tpm.execute(new Load(primary, created.outPrivate(), created.outPublic()),
                PasswordSession.empty()).objectHandle();
        tpm.execute(new FlushContext(primary));
        return loaded;
    }

    @Test
    void aSavedPolicySessionLoadsWithItsDigestAndConditionsAfterTheEngineIsRestored() throws Exception {
        Handle item = sealed();
        PolicySession session = PolicySession.start(tpm, SessionSetup.unsalted(HashAlgorithm.SHA256));
        tpm.execute(new PolicyPcr(session.handle(), Digest.EMPTY, PCR_16));
        tpm.execute(new PolicyAuthValue(session.handle()));
        Digest digest = tpm.execute(new PolicyGetDigest(session.handle())).policyDigest();
        Context saved = tpm.execute(new ContextSave(session.handle())).context();
        assertEquals(0x03, saved.savedHandle().value() >>> 24, "a policy session handle");

        engine = Engine.restore(engine.saveState());
        connect();
        assertEquals(session.handle(), tpm.execute(new ContextLoad(saved)).loadedHandle());
        assertEquals(digest, tpm.execute(new PolicyGetDigest(session.handle())).policyDigest());
        assertEquals(new SensitiveData(SECRET), tpm.execute(new Unseal(item), session.withAuthValue(AUTH)).outData());

        tpm.execute(new PolicyPcr(session.handle(), Digest.EMPTY, PCR_16));
        tpm.execute(new PolicyAuthValue(session.handle()));
        Context again = tpm.execute(new ContextSave(session.handle())).context();
        Context itemContext = tpm.execute(new ContextSave(item)).context();
        tpm.execute(new Shutdown(Su.STATE));
        engine = Engine.restore(engine.saveState());
        engine.tpmInit();
        connect();
        tpm.execute(new Startup(Su.STATE));
        tpm.execute(new ContextLoad(again));
        Handle reloaded = tpm.execute(new ContextLoad(itemContext)).loadedHandle();
        tpm.execute(new PcrExtend(new Handle(16), new DigestValuesList(List.of(
                new Ha(AlgId.SHA256, Bytes.of(new byte[32]))))), PasswordSession.empty());
        TpmCommandException changed = assertThrows(TpmCommandException.class,
                () -> tpm.execute(new Unseal(reloaded), session.withAuthValue(AUTH)));
        assertEquals(TpmRc.PCR_CHANGED, changed.rc());
    }

    @Test
    void localityAndPhysicalPresenceConditionsSurviveARestoredEngineAndASavedContext() throws Exception {
        PolicySession trial = PolicySession.startTrial(tpm, SessionSetup.unsalted(HashAlgorithm.SHA256));
        tpm.execute(new PolicyLocality(trial.handle(), LocalityAttributes.LOC_ONE));
        Handle item = sealed(tpm.execute(new PolicyGetDigest(trial.handle())).policyDigest());
        tpm.execute(new PolicyPhysicalPresence(trial.handle()));
        Handle present = sealed(tpm.execute(new PolicyGetDigest(trial.handle())).policyDigest());
        tpm.execute(new FlushContext(trial.handle()));
        PolicySession session = PolicySession.start(tpm, SessionSetup.unsalted(HashAlgorithm.SHA256));
        tpm.execute(new PolicyLocality(session.handle(), LocalityAttributes.LOC_ONE));

        engine = Engine.restore(engine.saveState());
        InProcessTransport transport = new InProcessTransport(engine, "policy locality");
        tpm = new Tpm(transport);
        TpmCommandException elsewhere = assertThrows(TpmCommandException.class,
                () -> tpm.execute(new Unseal(item), session));
        assertEquals(TpmRc.LOCALITY, elsewhere.rc());
        transport.setLocality(1);
        assertEquals(new SensitiveData(SECRET), tpm.execute(new Unseal(item), session).outData());

        tpm.execute(new PolicyLocality(session.handle(), LocalityAttributes.LOC_ONE));
        tpm.execute(new PolicyPhysicalPresence(session.handle()));
        Context saved = tpm.execute(new ContextSave(session.handle())).context();
        tpm.execute(new ContextLoad(saved));
        TpmCommandException absent = assertThrows(TpmCommandException.class,
                () -> tpm.execute(new Unseal(present), session));
        assertEquals(TpmRc.PP.withSession(1), absent.rc());
    }
}
