package org.vtpm.tpm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.client.PasswordSession;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.client.TpmCommandException;
import org.vtpm.tpm.command.FlushContext;
import org.vtpm.tpm.command.LoadExternal;
import org.vtpm.tpm.command.NvCertify;
import org.vtpm.tpm.command.NvCertifyResponse;
import org.vtpm.tpm.command.NvDefineSpace;
import org.vtpm.tpm.command.NvUndefineSpace;
import org.vtpm.tpm.command.NvWrite;
import org.vtpm.tpm.command.VerifySignature;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.EccScheme;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.MaxNvBuffer;
import org.vtpm.tpm.types.NvAttributes;
import org.vtpm.tpm.types.NvPublic;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.SchemeHash;
import org.vtpm.tpm.types.SigScheme;
import org.vtpm.tpm.types.St;
import org.vtpm.tpm.wire.Tpm2b;

/**
 * TPM2_NV_Certify against swtpm: with the same signing key loaded into both, each side's
 * attestation of the same index names the same index and contents (or digest) and verifies on the
 * other, and refused requests get the same codes.
 */
class SwtpmNvCertifyDifferentialTest {

    private static final Handle INDEX = new Handle(0x01500020);
    private static final byte[] DATA = "certified contents".getBytes();
    private static final SigScheme ECDSA = new SigScheme(AlgId.ECDSA, new SchemeHash(AlgId.SHA256));

    private static Differential both;
    private static ExternalKeys.Pair signer;
    private Tpm engine;
    private Tpm swtpm;

    @BeforeAll
    static void startSwtpm() throws IOException {
        both = new Differential();
        signer = ExternalKeys.ecc(ObjectAttributes.of(ObjectAttributes.USER_WITH_AUTH,
                ObjectAttributes.SIGN_ENCRYPT), EccScheme.NULL);
    }

    @AfterAll
    static void stopSwtpm() throws IOException {
        both.close();
    }

    @BeforeEach
    void powerCycle() throws IOException {
        both.restart();
        engine = both.engineTpm();
        swtpm = both.swtpmTpm();
    }

    private static Handle loadSigner(Tpm tpm) throws Exception {
        return tpm.execute(new LoadExternal(Tpm2b.of(signer.sensitive()), Tpm2b.of(signer.publicArea()),
                Handle.RH_NULL)).objectHandle();
    }

    private interface Call {
        Object run(Tpm tpm, Handle key) throws Exception;
    }

    private static String code(Tpm tpm, Handle key, Call call) {
        try {
            call.run(tpm, key);
            return "success";
        } catch (TpmCommandException e) {
            return e.rc().toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void certificationsOfEitherVerifyOnTheOtherAndRefusalsAgree() throws Exception {
        List<Handle> keys = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (Tpm tpm : List.of(engine, swtpm)) {
            Handle key = loadSigner(tpm);
            keys.add(key);
            tpm.execute(new NvDefineSpace(Handle.RH_OWNER, Auth.EMPTY, Tpm2b.of(new NvPublic(INDEX, AlgId.SHA256,
                    NvAttributes.of(NvAttributes.OWNERREAD, NvAttributes.OWNERWRITE, NvAttributes.AUTHREAD,
                            NvAttributes.AUTHWRITE), Digest.EMPTY, 32))), PasswordSession.empty());
            Call certifyAll = (t, k) -> t.execute(new NvCertify(k, Handle.RH_OWNER, INDEX, Data.EMPTY, ECDSA, 8, 0),
                    PasswordSession.of(ExternalKeys.AUTH), PasswordSession.empty());
            codes.add(code(tpm, key, certifyAll));
            tpm.execute(new NvWrite(Handle.RH_OWNER, INDEX, new MaxNvBuffer(DATA), 2), PasswordSession.empty());
            codes.add(code(tpm, key, (t, k) -> t.execute(new NvCertify(k, Handle.RH_OWNER, INDEX, Data.EMPTY, ECDSA,
                    30, 4), PasswordSession.of(ExternalKeys.AUTH), PasswordSession.empty())));
            codes.add(code(tpm, key, (t, k) -> t.execute(new NvCertify(k, Handle.RH_PLATFORM, INDEX, Data.EMPTY,
                    ECDSA, 8, 0), PasswordSession.of(ExternalKeys.AUTH), PasswordSession.empty())));
            codes.add(code(tpm, key, (t, k) -> t.execute(new NvCertify(k, Handle.RH_OWNER, INDEX, Data.EMPTY,
                    new SigScheme(AlgId.RSASSA, new SchemeHash(AlgId.SHA256)), 8, 0),
                    PasswordSession.of(ExternalKeys.AUTH), PasswordSession.empty())));
        }
        assertEquals(codes.subList(4, 8), codes.subList(0, 4));

        Data nonce = new Data(new byte[] {9, 8, 7});
        for (int[] range : new int[][] {{DATA.length, 2}, {0, 0}}) {
            List<NvCertifyResponse> responses = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Tpm tpm = i == 0 ? engine : swtpm;
                responses.add(tpm.execute(new NvCertify(keys.get(i), INDEX, INDEX, nonce, ECDSA, range[0], range[1]),
                        PasswordSession.of(ExternalKeys.AUTH), PasswordSession.empty()));
            }
            assertEquals(responses.get(1).certifyInfo().value().attested(),
                    responses.get(0).certifyInfo().value().attested());
            assertEquals(range[0] == 0 ? St.ATTEST_NV_DIGEST : St.ATTEST_NV,
                    responses.get(0).certifyInfo().value().type());
            for (int i = 0; i < 2; i++) {
                Tpm verifier = i == 0 ? swtpm : engine;
                NvCertifyResponse response = responses.get(i);
                verifier.execute(new VerifySignature(keys.get(1 - i), new Digest(HashAlgorithm.SHA256.hash(
                        response.certifyInfo().encoded())), response.signature()));
            }
        }
        for (int i = 0; i < 2; i++) {
            Tpm tpm = i == 0 ? engine : swtpm;
            tpm.execute(new NvUndefineSpace(Handle.RH_OWNER, INDEX), PasswordSession.empty());
            tpm.execute(new FlushContext(keys.get(i)));
        }
    }
}
