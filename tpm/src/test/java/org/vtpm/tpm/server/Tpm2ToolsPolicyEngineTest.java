package org.vtpm.tpm.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.testing.Tpm2Tools;

/**
 * tpm2-tools' policy flows against the Java engine behind the socket server: sealing to PCRs,
 * PolicyAuthorize with a TPM_ST_VERIFIED ticket, PolicyOR, PolicyPassword and PolicyAuthValue,
 * PolicySecret, PolicyNV, PolicyCommandCode for NV_ChangeAuth, ObjectChangeAuth, and an AK created
 * under the EK with a PolicySecret session. Each tool saves its policy session with ContextSave
 * and the next one loads it again, so every step also exercises saved policy sessions. The tools
 * leave the objects they load in the engine's three object slots, so every step flushes them.
 */
class Tpm2ToolsPolicyEngineTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String SECRET = "sealed secret";

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
        Tpm2Tools.run(work, tcti, "swtpm_ioctl", "--tcp", "127.0.0.1:" + tpm.port(ServerChannel.SWTPM_CONTROL), "-i");
        Tpm2Tools.run(work, tcti, "tpm2_startup", "-c");
        run("tpm2_createprimary", "-C", "o", "-c", "primary.ctx");
    }

    @AfterEach
    void powerOff() throws Exception {
        tpm.close();
    }

    @Test
    void aSecretSealedToAPcrUnsealsUntilThePcrIsExtended() throws Exception {
        run("tpm2_createpolicy", "--policy-pcr", "-l", "sha256:16", "-L", "pcr.policy");
        seal("pcr.policy", "seal");
        assertEquals(SECRET, run("tpm2_unseal", "-c", "seal.ctx", "-p", "pcr:sha256:16"));

        run("tpm2_startauthsession", "--policy-session", "-S", "session.ctx");
        run("tpm2_policypcr", "-S", "session.ctx", "-l", "sha256:16");
        assertEquals(SECRET, run("tpm2_unseal", "-c", "seal.ctx", "-p", "session:session.ctx"));
        run("tpm2_flushcontext", "session.ctx");

        run("tpm2_pcrextend", "16:sha256=" + HEX.formatHex(HashAlgorithm.SHA256.hash(new byte[] {1})));
        String refused = fails("tpm2_unseal", "-c", "seal.ctx", "-p", "pcr:sha256:16");
        assertTrue(refused.contains("0x99D"), "TPM_RC_POLICY_FAIL (session 1): " + refused);
    }

    @Test
    void policyAuthorizeAcceptsAPolicyTheAuthoritySignedThroughAVerifySignatureTicket() throws Exception {
        run("openssl", "genrsa", "-out", "authority.pem", "2048");
        run("openssl", "rsa", "-in", "authority.pem", "-pubout", "-out", "authority.pub.pem");
        run("tpm2_loadexternal", "-C", "o", "-G", "rsa", "-u", "authority.pub.pem", "-c", "authority.ctx",
                "-n", "authority.name");
        run("tpm2_createpolicy", "--policy-pcr", "-l", "sha256:16", "-L", "pcr.policy");
        run("tpm2_startauthsession", "-S", "trial.ctx");
        run("tpm2_policyauthorize", "-S", "trial.ctx", "-L", "authorized.policy", "-i", "pcr.policy",
                "-n", "authority.name");
        seal("authorized.policy", "seal");

        run("openssl", "dgst", "-sha256", "-sign", "authority.pem", "-out", "pcr.signature", "pcr.policy");
        run("tpm2_loadexternal", "-C", "o", "-G", "rsa", "-u", "authority.pub.pem", "-c", "authority.ctx");
        run("tpm2_verifysignature", "-c", "authority.ctx", "-g", "sha256", "-m", "pcr.policy", "-s",
                "pcr.signature", "-f", "rsassa", "-t", "verified.ticket");
        run("tpm2_startauthsession", "--policy-session", "-S", "session.ctx");
        run("tpm2_policypcr", "-S", "session.ctx", "-l", "sha256:16");
        run("tpm2_policyauthorize", "-S", "session.ctx", "-i", "pcr.policy", "-n", "authority.name", "-t",
                "verified.ticket");
        assertEquals(SECRET, run("tpm2_unseal", "-c", "seal.ctx", "-p", "session:session.ctx"));
        run("tpm2_flushcontext", "session.ctx");
    }

    @Test
    void policyOrOfAPasswordBranchAndACommandCodeBranchUnsealsWithEitherAndNothingElse() throws Exception {
        run("tpm2_startauthsession", "-S", "trial.ctx");
        run("tpm2_policypassword", "-S", "trial.ctx", "-L", "password.policy");
        run("tpm2_flushcontext", "trial.ctx");
        run("tpm2_startauthsession", "-S", "trial.ctx");
        run("tpm2_policycommandcode", "-S", "trial.ctx", "-L", "unseal.policy", "TPM2_CC_Unseal");
        run("tpm2_flushcontext", "trial.ctx");
        run("tpm2_startauthsession", "-S", "trial.ctx");
        run("tpm2_policyor", "-S", "trial.ctx", "-L", "or.policy", "-l",
                "sha256:password.policy,unseal.policy");
        run("tpm2_flushcontext", "trial.ctx");
        input("tpm2_create", "-C",
                "primary.ctx", "-u", "seal.pub", "-r", "seal.priv", "-L", "or.policy", "-p", "pass", "-i", "-");
        run("tpm2_load", "-C", "primary.ctx", "-u", "seal.pub", "-r", "seal.priv", "-c", "seal.ctx");

        run("tpm2_startauthsession", "--policy-session", "-S", "session.ctx");
        run("tpm2_policypassword", "-S", "session.ctx");
        run("tpm2_policyor", "-S", "session.ctx", "-l", "sha256:password.policy,unseal.policy");
        assertEquals(SECRET, run("tpm2_unseal", "-c", "seal.ctx", "-p", "session:session.ctx+pass"));
        run("tpm2_flushcontext", "session.ctx");

        // PolicyAuthValue extends the digest as PolicyPassword does; the HMAC proves the authValue instead.
        run("tpm2_startauthsession", "--policy-session", "-S", "session.ctx");
        run("tpm2_policyauthvalue", "-S", "session.ctx");
        run("tpm2_policyor", "-S", "session.ctx", "-l", "sha256:password.policy,unseal.policy");
        assertEquals(SECRET, run("tpm2_unseal", "-c", "seal.ctx", "-p", "session:session.ctx+pass"));
        run("tpm2_flushcontext", "session.ctx");

        run("tpm2_startauthsession", "--policy-session", "-S", "session.ctx");
        run("tpm2_policycommandcode", "-S", "session.ctx", "TPM2_CC_Unseal");
        run("tpm2_policyor", "-S", "session.ctx", "-l", "sha256:password.policy,unseal.policy");
        assertEquals(SECRET, run("tpm2_unseal", "-c", "seal.ctx", "-p", "session:session.ctx"));
        run("tpm2_flushcontext", "session.ctx");

        run("tpm2_startauthsession", "--policy-session", "-S", "session.ctx");
        run("tpm2_policycommandcode", "-S", "session.ctx", "TPM2_CC_NV_Read");
        String refused = fails("tpm2_policyor", "-S", "session.ctx", "-l", "sha256:password.policy,unseal.policy");
        assertTrue(refused.contains("0x1C4"), "TPM_RC_VALUE (parameter 1): " + refused);
        run("tpm2_flushcontext", "session.ctx");
    }

    @Test
    void policySecretAndPolicyNvGateASealedSecret() throws Exception {
        run("tpm2_nvdefine", "0x1500020", "-C", "o", "-s", "8", "-a", "ownerread|ownerwrite|authread|authwrite");
        Files.write(work.resolve("seven"), new byte[] {0, 0, 0, 0, 0, 0, 0, 7});
        run("tpm2_nvwrite", "0x1500020", "-C", "o", "-i", "seven");
        run("tpm2_startauthsession", "-S", "trial.ctx");
        run("tpm2_policysecret", "-S", "trial.ctx", "-c", "o", "-L", "secret.policy");
        run("tpm2_policynv", "-S", "trial.ctx", "-C", "o", "-i", "seven", "0x1500020", "eq", "-L", "both.policy");
        run("tpm2_flushcontext", "trial.ctx");
        seal("both.policy", "seal");

        run("tpm2_startauthsession", "--policy-session", "-S", "session.ctx");
        run("tpm2_policysecret", "-S", "session.ctx", "-c", "o");
        run("tpm2_policynv", "-S", "session.ctx", "-C", "o", "-i", "seven", "0x1500020", "eq");
        assertEquals(SECRET, run("tpm2_unseal", "-c", "seal.ctx", "-p", "session:session.ctx"));
        run("tpm2_flushcontext", "session.ctx");

        Files.write(work.resolve("eight"), new byte[] {0, 0, 0, 0, 0, 0, 0, 8});
        run("tpm2_startauthsession", "--policy-session", "-S", "session.ctx");
        String refused = fails("tpm2_policynv", "-S", "session.ctx", "-C", "o", "-i", "eight", "0x1500020", "eq");
        assertTrue(refused.contains("0x126"), "TPM_RC_POLICY: " + refused);
        run("tpm2_flushcontext", "session.ctx");
    }

    @Test
    void changeAuthOfAnObjectAndOfAnNvIndexUnderPolicyCommandCode() throws Exception {
        input("tpm2_create", "-C",
                "primary.ctx", "-u", "seal.pub", "-r", "seal.priv", "-p", "old", "-i", "-");
        run("tpm2_load", "-C", "primary.ctx", "-u", "seal.pub", "-r", "seal.priv", "-c", "seal.ctx");
        run("tpm2_changeauth", "-c", "seal.ctx", "-C", "primary.ctx", "-p", "old", "-r", "new.priv", "new");
        run("tpm2_load", "-C", "primary.ctx", "-u", "seal.pub", "-r", "new.priv", "-c", "new.ctx");
        assertEquals(SECRET, run("tpm2_unseal", "-c", "new.ctx", "-p", "new"));
        fails("tpm2_unseal", "-c", "new.ctx", "-p", "old");

        run("tpm2_startauthsession", "-S", "trial.ctx");
        run("tpm2_policycommandcode", "-S", "trial.ctx", "-L", "change.policy", "TPM2_CC_NV_ChangeAuth");
        run("tpm2_flushcontext", "trial.ctx");
        run("tpm2_nvdefine", "0x1500021", "-C", "o", "-s", "8", "-a", "authread|authwrite", "-L", "change.policy",
                "-p", "old");
        fails("tpm2_changeauth", "-c", "0x1500021", "-p", "old", "new");
        run("tpm2_startauthsession", "--policy-session", "-S", "session.ctx");
        run("tpm2_policycommandcode", "-S", "session.ctx", "TPM2_CC_NV_ChangeAuth");
        run("tpm2_changeauth", "-c", "0x1500021", "-p", "session:session.ctx", "new");
        run("tpm2_flushcontext", "session.ctx");
        Files.write(work.resolve("data"), new byte[8]);
        run("tpm2_nvwrite", "0x1500021", "-P", "new", "-i", "data");
        fails("tpm2_nvwrite", "0x1500021", "-P", "old", "-i", "data");
    }

    @Test
    void anAkIsCreatedUnderTheEkWithAPolicySecretSession() throws Exception {
        for (String algorithm : new String[] {"rsa", "ecc"}) {
            run("tpm2_createek", "-c", "ek.ctx", "-G", algorithm, "-u", "ek.pub");
            run("tpm2_createak", "-C", "ek.ctx", "-c", "ak.ctx", "-G", algorithm, "-g", "sha256", "-s",
                    algorithm.equals("rsa") ? "rsassa" : "ecdsa", "-u", "ak.pub", "-n", "ak.name");
            assertTrue(Files.size(work.resolve("ak.name")) > 2);
            flushTransients();
        }
    }

    /** A sealed-data object under the primary with this authPolicy and no userWithAuth, loaded as {@code name}.ctx. */
    private void seal(String policy, String name) throws Exception {
        input("tpm2_create", "-C",
                "primary.ctx", "-u", name + ".pub", "-r", name + ".priv", "-L", policy, "-a",
                "fixedtpm|fixedparent", "-i", "-");
        run("tpm2_load", "-C", "primary.ctx", "-u", name + ".pub", "-r", name + ".priv", "-c", name + ".ctx");
    }

    private String run(String... command) throws Exception {
        String output = Tpm2Tools.run(work, tcti, command);
        flushTransients();
        return output;
    }

    private String fails(String... command) throws Exception {
        String output = Tpm2Tools.fails(work, tcti, command);
        flushTransients();
        return output;
    }

    private void input(String... command) throws Exception {
        Tpm2Tools.runWithInput(work, tcti, SECRET.getBytes(StandardCharsets.UTF_8), command);
        flushTransients();
    }

    private void flushTransients() throws Exception {
        Tpm2Tools.run(work, tcti, "tpm2_flushcontext", "--transient-object");
    }
}
