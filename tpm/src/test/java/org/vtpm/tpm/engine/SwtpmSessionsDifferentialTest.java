package org.vtpm.tpm.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.client.HmacSession;
import org.vtpm.tpm.client.PasswordSession;
import org.vtpm.tpm.client.SessionSetup;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.client.TpmCommandException;
import org.vtpm.tpm.command.CreatePrimary;
import org.vtpm.tpm.command.CreatePrimaryResponse;
import org.vtpm.tpm.command.FlushContext;
import org.vtpm.tpm.command.NvDefineSpace;
import org.vtpm.tpm.command.NvRead;
import org.vtpm.tpm.command.NvUndefineSpace;
import org.vtpm.tpm.command.NvWrite;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.MaxNvBuffer;
import org.vtpm.tpm.types.NvAttributes;
import org.vtpm.tpm.types.NvPublic;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.SensitiveCreate;
import org.vtpm.tpm.wire.Tpm2b;

/**
 * The same HMAC sessions (unsalted, salted, bound; XOR and AES-CFB both ways) against swtpm and
 * the engine: the same answers, the same NV contents, the same failures.
 */
class SwtpmSessionsDifferentialTest {

    private static final Handle INDEX = new Handle(0x01500030);
    private static final Auth SECRET = new Auth("secret".getBytes());
    private static Differential both;

    @BeforeAll
    static void startSwtpm() throws IOException {
        both = new Differential();
        both.restart();
    }

    @AfterAll
    static void stopSwtpm() throws IOException {
        both.close();
    }

    @Test
    void sessionsGiveTheSameResults() throws Exception {
        List<List<String>> outcomes = new ArrayList<>();
        for (Tpm tpm : List.of(both.engineTpm(), both.swtpmTpm())) {
            List<String> outcome = new ArrayList<>();
            tpm.execute(new NvDefineSpace(Handle.RH_OWNER, SECRET, Tpm2b.of(new NvPublic(INDEX, AlgId.SHA256,
                    NvAttributes.of(NvAttributes.AUTHWRITE, NvAttributes.AUTHREAD, NvAttributes.NO_DA), Digest.EMPTY,
                    16))), PasswordSession.empty());
            CreatePrimaryResponse srk = tpm.execute(new CreatePrimary(Handle.RH_OWNER,
                    Tpm2b.of(SensitiveCreate.EMPTY), Tpm2b.of(Templates.rsaStorage()), Data.EMPTY,
                    PcrSelectionList.EMPTY), PasswordSession.empty());
            List<SessionSetup> setups = List.of(SessionSetup.unsalted(HashAlgorithm.SHA256).withXor(),
                    SessionSetup.unsalted(HashAlgorithm.SHA256).withAesCfb(128)
                            .salted(srk.objectHandle(), srk.outPublic().value()),
                    SessionSetup.unsalted(HashAlgorithm.SHA384).withAesCfb(128).bound(INDEX, SECRET));
            int n = 0;
            for (SessionSetup setup : setups) {
                HmacSession session = HmacSession.start(tpm, setup).withAuth(SECRET);
                byte[] data = new byte[16];
                data[15] = (byte) ++n;
                tpm.execute(new NvWrite(INDEX, INDEX, new MaxNvBuffer(data), 0), session);
                outcome.add(Bytes.hex(tpm.execute(new NvRead(INDEX, INDEX, 16, 0), session).data().buffer()));
                try {
                    tpm.execute(new NvRead(INDEX, INDEX, 16, 0), session.withAuth(new Auth("wrong".getBytes())));
                    outcome.add("success");
                } catch (TpmCommandException e) {
                    outcome.add(e.rc().toString());
                }
                tpm.execute(new FlushContext(session.handle()));
            }
            tpm.execute(new FlushContext(srk.objectHandle()));
            tpm.execute(new NvUndefineSpace(Handle.RH_OWNER, INDEX), PasswordSession.empty());
            outcomes.add(outcome);
        }
        assertEquals(outcomes.get(1), outcomes.get(0));
        assertArrayEquals(new String[] {"00000000000000000000000000000001", "TPM_RC_BAD_AUTH (session 1)"},
                outcomes.get(0).subList(0, 2).toArray());
    }
}
