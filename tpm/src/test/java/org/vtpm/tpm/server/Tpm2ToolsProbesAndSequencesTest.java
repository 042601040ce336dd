package org.vtpm.tpm.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtpm.tpm.testing.Tpm2Tools;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Attest;
import org.vtpm.tpm.types.CommandAuditInfo;
import org.vtpm.tpm.wire.Codecs;

/**
 * tpm2-tools against the engine's socket server for the commands software calls to probe a TPM
 * and to work without extra round trips: {@code tpm2_testparms}, {@code tpm2_geteccparameters},
 * {@code tpm2_create -c} (TPM2_CreateLoaded), {@code tpm2_hmac} over long input (an HMAC
 * sequence), {@code tpm2_policylocality}, {@code tpm2_setcommandauditstatus} with
 * {@code tpm2_getcommandauditdigest}, {@code tpm2_nvwritelock --global},
 * {@code tpm2_pcrallocate}, {@code tpm2_clockrateadjust} and {@code tpm2_nvundefine -S}
 * (TPM2_NV_UndefineSpaceSpecial).
 */
class Tpm2ToolsProbesAndSequencesTest {

    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path stateDirectory;

    @TempDir
    Path work;

    private ServedTpm tpm;
    private String tcti;

    @BeforeAll
    static void toolsInstalled() {
        assertTrue(Tpm2Tools.installed(), "tpm2-tools are required: apt-get install tpm2-tools");
    }

    @BeforeEach
    void powerOn() throws Exception {
        tpm = ServedTpm.start(stateDirectory, ServedTpm.Protocol.SWTPM, ServerOptions.defaults(),
                ServedTpm.Backend.ENGINE);
        tcti = "swtpm:host=127.0.0.1,port=" + tpm.port(ServerChannel.SWTPM_DATA);
        run("swtpm_ioctl", "--tcp", "127.0.0.1:" + tpm.port(ServerChannel.SWTPM_CONTROL), "-i");
        run("tpm2_startup", "-c");
    }

    @AfterEach
    void powerOff() throws Exception {
        tpm.close();
    }

    @Test
    void testParmsAcceptsWhatTheEngineImplementsOnly() throws Exception {
        for (String parms : new String[] {"rsa2048", "rsa3072", "ecc256", "ecc384", "aes128cfb", "aes256cbc",
                "hmac", "rsa2048:rsassa-sha256", "ecc256:ecdsa-sha384"}) {
            run("tpm2_testparms", parms);
        }
        for (String parms : new String[] {"rsa1024", "rsa4096", "ecc521", "ecc_nist_p192", "aes192cfb",
                "camellia128cfb", "ecc256:ecdaa-sha256"}) {
            fails("tpm2_testparms", parms);
        }
    }

    @Test
    void createWithAContextLoadsTheKeyItMade() throws Exception {
        run("tpm2_createprimary", "-C", "o", "-G", "rsa2048", "-c", "srk.ctx");
        flushTransients();
        Files.write(work.resolve("message"), "signed by a key made and loaded at once".getBytes());
        for (String algorithm : new String[] {"ecc256:ecdsa-sha256", "rsa2048:rsassa-sha256"}) {
            run("tpm2_create", "-C", "srk.ctx", "-G", algorithm, "-u", "key.pub", "-r", "key.priv", "-c", "key.ctx");
            flushTransients();
            run("tpm2_sign", "-c", "key.ctx", "-g", "sha256", "-o", "signature", "message");
            flushTransients();
            run("tpm2_verifysignature", "-c", "key.ctx", "-g", "sha256", "-m", "message", "-s", "signature");
            flushTransients();
            run("tpm2_load", "-C", "srk.ctx", "-u", "key.pub", "-r", "key.priv", "-c", "reloaded.ctx");
            flushTransients();
            run("tpm2_verifysignature", "-c", "reloaded.ctx", "-g", "sha256", "-m", "message", "-s", "signature");
            flushTransients();
        }
    }

    @Test
    void hmacOfLongInputRunsASequenceThatAgreesWithBouncyCastle() throws Exception {
        byte[] key = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        Files.write(work.resolve("hmac.key"), key);
        byte[] data = new byte[5000];
        new SecureRandom().nextBytes(data);
        Files.write(work.resolve("data"), data);
        run("tpm2_createprimary", "-C", "o", "-G", "ecc256", "-c", "srk.ctx");
        flushTransients();
        run("tpm2_import", "-C", "srk.ctx", "-G", "hmac", "-i", "hmac.key", "-u", "hmac.pub", "-r", "hmac.priv");
        flushTransients();
        run("tpm2_load", "-C", "srk.ctx", "-u", "hmac.pub", "-r", "hmac.priv", "-c", "hmac.ctx");
        flushTransients();
        run("tpm2_hmac", "-c", "hmac.ctx", "-g", "sha256", "-o", "by-tpm", "data");
        flushTransients();
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] expected = new byte[mac.getMacSize()];
        mac.doFinal(expected, 0);
        assertArrayEquals(expected, Files.readAllBytes(work.resolve("by-tpm")));
    }

    @Test
    void eccParametersReportTheCurvesTheEngineImplements() throws Exception {
        run("tpm2_geteccparameters", "ecc256", "-o", "p256.params");
        String p256Prime = "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff";
        assertTrue(HEX.formatHex(Files.readAllBytes(work.resolve("p256.params"))).contains(p256Prime));
        run("tpm2_geteccparameters", "ecc384", "-o", "p384.params");
        fails("tpm2_geteccparameters", "ecc521", "-o", "p521.params");
    }

    @Test
    void aPolicyLocalityHoldsAtTheLocalityItNames() throws Exception {
        run("tpm2_startauthsession", "-S", "trial.ctx");
        run("tpm2_policylocality", "-S", "trial.ctx", "-L", "zero.policy", "zero");
        run("tpm2_flushcontext", "trial.ctx");
        byte[] expected = new byte[32];
        SHA256Digest sha256 = new SHA256Digest();
        sha256.update(new byte[32], 0, 32);
        sha256.update(HEX.parseHex("0000016f01"), 0, 5);
        sha256.doFinal(expected, 0);
        assertArrayEquals(expected, Files.readAllBytes(work.resolve("zero.policy")));

        Files.write(work.resolve("secret"), "released at locality zero".getBytes());
        run("tpm2_createprimary", "-C", "o", "-G", "ecc256", "-c", "srk.ctx");
        flushTransients();
        run("tpm2_create", "-C", "srk.ctx", "-L", "zero.policy", "-i", "secret", "-u", "sealed.pub", "-r",
                "sealed.priv");
        flushTransients();
        run("tpm2_load", "-C", "srk.ctx", "-u", "sealed.pub", "-r", "sealed.priv", "-c", "sealed.ctx");
        flushTransients();
        for (String locality : new String[] {"one", "zero"}) {
            run("tpm2_startauthsession", "--policy-session", "-S", "session.ctx");
            run("tpm2_policylocality", "-S", "session.ctx", locality);
            if (locality.equals("zero")) {
                run("tpm2_unseal", "-c", "sealed.ctx", "-p", "session:session.ctx", "-o", "unsealed");
                assertArrayEquals(Files.readAllBytes(work.resolve("secret")),
                        Files.readAllBytes(work.resolve("unsealed")));
            } else {
                fails("tpm2_unseal", "-c", "sealed.ctx", "-p", "session:session.ctx", "-o", "unsealed");
            }
            run("tpm2_flushcontext", "session.ctx");
            flushTransients();
        }
    }

    @Test
    void aSignedCommandAuditReportVerifiesAndStartsANewDigest() throws Exception {
        run("tpm2_setcommandauditstatus", "TPM2_CC_GetRandom");
        run("tpm2_createprimary", "-C", "o", "-G", "ecc256:ecdsa-sha256", "-a",
                "fixedtpm|fixedparent|sensitivedataorigin|userwithauth|sign", "-c", "signer.ctx");
        flushTransients();
        for (long expectedCounter = 1; expectedCounter <= 2; expectedCounter++) {
            run("tpm2_getrandom", "8");
            run("tpm2_getrandom", "8");
            run("tpm2_getcommandauditdigest", "-c", "signer.ctx", "-g", "sha256", "-m", "audit.attest", "-s",
                    "audit.sig");
            flushTransients();
            run("tpm2_verifysignature", "-c", "signer.ctx", "-g", "sha256", "-m", "audit.attest", "-s", "audit.sig");
            flushTransients();
            CommandAuditInfo info = (CommandAuditInfo) Codecs.unmarshal(Attest.class,
                    Files.readAllBytes(work.resolve("audit.attest"))).attested();
            assertEquals(expectedCounter, info.auditCounter());
            assertEquals(AlgId.SHA256, info.digestAlg());
            assertEquals(32, info.auditDigest().size());
        }
    }

    @Test
    void theGlobalWriteLockStopsWritesToGlobalLockIndices() throws Exception {
        Files.write(work.resolve("data"), new byte[] {1, 2, 3, 4});
        run("tpm2_nvdefine", "0x1500030", "-C", "o", "-s", "4", "-a", "ownerwrite|ownerread|globallock");
        run("tpm2_nvdefine", "0x1500031", "-C", "o", "-s", "4", "-a", "ownerwrite|ownerread");
        run("tpm2_nvwritelock", "--global", "-C", "o");
        fails("tpm2_nvwrite", "0x1500030", "-C", "o", "-i", "data");
        run("tpm2_nvwrite", "0x1500031", "-C", "o", "-i", "data");
    }

    @Test
    void pcrAllocateGrantsTheBanksTheEngineHas() throws Exception {
        run("tpm2_pcrallocate", "sha1:all+sha256:all+sha384:all");
        fails("tpm2_pcrallocate", "sha256:all+sha512:all");
    }

    @Test
    void clockRateAdjustTakesEveryStep() throws Exception {
        for (String adjust : new String[] {"sss", "ss", "s", "f", "ff", "fff"}) {
            run("tpm2_clockrateadjust", adjust);
        }
        run("tpm2_readclock");
    }

    @Test
    void aPolicyDeleteIndexIsRemovedWithItsPolicy() throws Exception {
        run("tpm2_startauthsession", "-S", "trial.ctx");
        run("tpm2_policycommandcode", "-S", "trial.ctx", "-L", "delete.policy", "TPM2_CC_NV_UndefineSpaceSpecial");
        run("tpm2_flushcontext", "trial.ctx");
        run("tpm2_nvdefine", "0x1500040", "-C", "p", "-s", "4", "-L", "delete.policy", "-a",
                "ppwrite|ppread|platformcreate|policydelete");
        fails("tpm2_nvundefine", "0x1500040", "-C", "p");
        run("tpm2_startauthsession", "--policy-session", "-S", "session.ctx");
        run("tpm2_policycommandcode", "-S", "session.ctx", "TPM2_CC_NV_UndefineSpaceSpecial");
        run("tpm2_nvundefine", "0x1500040", "-C", "p", "-S", "session.ctx");
        fails("tpm2_nvreadpublic", "0x1500040");
    }

    private void flushTransients() throws Exception {
        run("tpm2_flushcontext", "--transient-object");
    }

    private String run(String... command) throws Exception {
        return Tpm2Tools.run(work, tcti, command);
    }

    private String fails(String... command) throws Exception {
        return Tpm2Tools.fails(work, tcti, command);
    }
}
