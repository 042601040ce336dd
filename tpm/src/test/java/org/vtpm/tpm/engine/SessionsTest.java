package org.vtpm.tpm.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.client.HmacSession;
import org.vtpm.tpm.client.PasswordSession;
import org.vtpm.tpm.client.SessionSetup;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.client.TpmCommandException;
import org.vtpm.tpm.command.CreatePrimary;
import org.vtpm.tpm.command.CreatePrimaryResponse;
import org.vtpm.tpm.command.FlushContext;
import org.vtpm.tpm.command.GetCapability;
import org.vtpm.tpm.command.GetRandom;
import org.vtpm.tpm.command.NvDefineSpace;
import org.vtpm.tpm.command.NvRead;
import org.vtpm.tpm.command.NvWrite;
import org.vtpm.tpm.command.Startup;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.transport.InProcessTransport;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.Cap;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.EccCurve;
import org.vtpm.tpm.types.EccParms;
import org.vtpm.tpm.types.EccScheme;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.HandleList;
import org.vtpm.tpm.types.KdfScheme;
import org.vtpm.tpm.types.Hc;
import org.vtpm.tpm.types.MaxNvBuffer;
import org.vtpm.tpm.types.NvAttributes;
import org.vtpm.tpm.types.NvPublic;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.SensitiveCreate;
import org.vtpm.tpm.types.SessionAttributes;
import org.vtpm.tpm.types.SymDefObject;
import org.vtpm.tpm.types.Su;
import org.vtpm.tpm.wire.Tpm2b;
import org.vtpm.tpm.wire.TpmRc;

/** HMAC sessions against the library's own client: every kind of session, both directions encrypted. */
class SessionsTest {

    private static final Handle INDEX = new Handle(0x01500020);
    private Tpm tpm;

    @BeforeEach
    void start() throws Exception {
        tpm = new Tpm(new InProcessTransport(Engine.manufacture(new SecureRandom()), "sessions"));
        tpm.execute(new Startup(Su.CLEAR));
        NvPublic index = new NvPublic(INDEX, AlgId.SHA256, NvAttributes.of(NvAttributes.AUTHWRITE,
                NvAttributes.AUTHREAD), Digest.EMPTY, 32);
        tpm.execute(new NvDefineSpace(Handle.RH_OWNER, new Auth("secret".getBytes()), Tpm2b.of(index)),
                PasswordSession.empty());
    }

    private CreatePrimaryResponse primary(Public template) throws Exception {
        return tpm.execute(new CreatePrimary(Handle.RH_OWNER, Tpm2b.of(SensitiveCreate.EMPTY), Tpm2b.of(template),
                Data.EMPTY, PcrSelectionList.EMPTY), PasswordSession.empty());
    }

    @Test
    void everyKindOfSessionAuthorizesAndEncrypts() throws Exception {
        CreatePrimaryResponse rsa = primary(Templates.rsaStorage());
        CreatePrimaryResponse ecc = primary(new Public(AlgId.ECC, AlgId.SHA256, Templates.STORAGE, Digest.EMPTY,
                new EccParms(SymDefObject.aesCfb(128), EccScheme.NULL, new EccCurve(3), KdfScheme.NULL), Templates.ecc(3, Templates.SIGNING, AlgId.NULL,
                                AlgId.NULL).unique()));
        Auth secret = new Auth("secret".getBytes());
        List<SessionSetup> setups = List.of(
                SessionSetup.unsalted(HashAlgorithm.SHA256),
                SessionSetup.unsalted(HashAlgorithm.SHA384).withXor(),
                SessionSetup.unsalted(HashAlgorithm.SHA256).withAesCfb(128).salted(rsa.objectHandle(),
                        rsa.outPublic().value()),
                SessionSetup.unsalted(HashAlgorithm.SHA256).withAesCfb(256).salted(ecc.objectHandle(),
                        ecc.outPublic().value()),
                SessionSetup.unsalted(HashAlgorithm.SHA1).withAesCfb(128).bound(INDEX, secret));
        int n = 0;
        for (SessionSetup setup : setups) {
            HmacSession session = HmacSession.start(tpm, setup).withAuth(secret);
            byte[] data = new byte[32];
            data[0] = (byte) ++n;
            tpm.execute(new NvWrite(INDEX, INDEX, new MaxNvBuffer(data), 0), session);
            byte[] read = tpm.execute(new NvRead(INDEX, INDEX, 32, 0), session).data().buffer();
            assertArrayEquals(data, read, setup.toString());
            tpm.execute(new FlushContext(session.handle()));
        }
    }

    @Test
    void aWrongAuthValueInTheHmacFails() throws Exception {
        HmacSession session = HmacSession.start(tpm, SessionSetup.unsalted(HashAlgorithm.SHA256))
                .withAuth(new Auth("wrong".getBytes()));
        TpmCommandException e = assertThrows(TpmCommandException.class,
                () -> tpm.execute(new NvRead(INDEX, INDEX, 4, 0), session));
        assertEquals(TpmRc.AUTH_FAIL.withSession(1), e.rc());
    }

    @Test
    void aSessionEndsWhenContinueSessionIsClear() throws Exception {
        HmacSession session = HmacSession.start(tpm, SessionSetup.unsalted(HashAlgorithm.SHA256))
                .withAuth(new Auth("secret".getBytes())).withAttributes(SessionAttributes.NONE);
        tpm.execute(new NvWrite(INDEX, INDEX, new MaxNvBuffer(new byte[4]), 0), PasswordSession.of("secret"));
        tpm.execute(new NvRead(INDEX, INDEX, 4, 0), session);
        HandleList loaded = (HandleList) tpm.execute(new GetCapability(Cap.HANDLES, Hc.HR_HMAC_SESSION, 8))
                .capabilityData().data();
        assertEquals(List.of(), loaded.handles());
        TpmCommandException e = assertThrows(TpmCommandException.class,
                () -> tpm.execute(new GetRandom(8), HmacSession.start(tpm, SessionSetup.unsalted(HashAlgorithm.SHA256))));
        assertEquals(TpmRc.ATTRIBUTES.withSession(1), e.rc(), "a session that neither authorizes nor encrypts");
    }
}
