package org.vtpm.tpm.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtpm.tpm.testing.Tpm2Tools;

/**
 * tpm2-tools against the engine's socket server for the key operations: credentials (made by the
 * TPM and by the tools alone), RSA and AES encryption checked with openssl, keys imported from
 * outside, hierarchy authorization, Clear, dictionary-attack lockout, and an EK certificate the
 * platform provisions in NV and {@code tpm2_getekcertificate} reads back.
 */
class Tpm2ToolsKeyOpsTest {

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
    void credentialsMadeWithTheTpmAndWithoutActivate() throws Exception {
        run("tpm2_createprimary", "-C", "o", "-G", "ecc256", "-c", "srk.ctx");
        flushTransients();
        run("tpm2_create", "-C", "srk.ctx", "-G", "ecc256:ecdsa-sha256:null", "-a",
                "fixedtpm|fixedparent|sensitivedataorigin|userwithauth|restricted|sign", "-u", "ak.pub", "-r",
                "ak.priv");
        flushTransients();
        run("tpm2_load", "-C", "srk.ctx", "-u", "ak.pub", "-r", "ak.priv", "-c", "ak.ctx", "-n", "ak.name");
        flushTransients();
        String akName = HEX.formatHex(Files.readAllBytes(work.resolve("ak.name")));
        byte[] secret = "a credential for the AK".getBytes();
        Files.write(work.resolve("secret"), secret);
        for (String ek : new String[] {"rsa2048", "ecc256"}) {
            run("tpm2_createprimary", "-C", "e", "-G", ek, "-c", "ek.ctx");
            flushTransients();
            run("tpm2_readpublic", "-c", "ek.ctx", "-o", "ek.pub");
            flushTransients();
            run("tpm2_makecredential", "-u", "ek.pub", "-s", "secret", "-n", akName, "-o", "by-tpm");
            flushTransients();
            run("tpm2_makecredential", "-T", "none", "-u", "ek.pub", "-s", "secret", "-n", akName, "-o",
                    "by-tools");
            for (String blob : new String[] {"by-tpm", "by-tools"}) {
                run("tpm2_activatecredential", "-c", "ak.ctx", "-C", "ek.ctx", "-i", blob, "-o", "activated");
                flushTransients();
                assertArrayEquals(secret, Files.readAllBytes(work.resolve("activated")), ek + " " + blob);
                fails("tpm2_activatecredential", "-c", "srk.ctx", "-C", "ek.ctx", "-i", blob, "-o", "activated");
                flushTransients();
            }
        }
    }

    @Test
    void rsaAndAesEncryptionAgreeWithOpenssl() throws Exception {
        run("tpm2_createprimary", "-C", "o", "-G", "ecc256", "-c", "srk.ctx");
        flushTransients();
        run("tpm2_create", "-C", "srk.ctx", "-G", "rsa2048", "-a",
                "decrypt|fixedtpm|fixedparent|sensitivedataorigin|userwithauth", "-u", "rsa.pub", "-r", "rsa.priv");
        flushTransients();
        run("tpm2_load", "-C", "srk.ctx", "-u", "rsa.pub", "-r", "rsa.priv", "-c", "rsa.ctx");
        flushTransients();
        run("tpm2_readpublic", "-c", "rsa.ctx", "-f", "pem", "-o", "rsa.pem");
        flushTransients();
        byte[] message = "encrypted to an RSA key".getBytes();
        Files.write(work.resolve("message"), message);
        run("openssl", "pkeyutl", "-encrypt", "-pubin", "-inkey", "rsa.pem", "-pkeyopt", "rsa_padding_mode:oaep",
                "-pkeyopt", "rsa_oaep_md:sha256", "-pkeyopt", "rsa_mgf1_md:sha256", "-in", "message", "-out",
                "by-openssl");
        run("tpm2_rsaencrypt", "-c", "rsa.ctx", "-s", "oaep", "-o", "by-tpm", "message");
        flushTransients();
        for (String ciphertext : new String[] {"by-openssl", "by-tpm"}) {
            run("tpm2_rsadecrypt", "-c", "rsa.ctx", "-s", "oaep", "-o", "decrypted", ciphertext);
            flushTransients();
            assertArrayEquals(message, Files.readAllBytes(work.resolve("decrypted")), ciphertext);
        }

        byte[] aesKey = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
        byte[] iv = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
        Files.write(work.resolve("aes.key"), aesKey);
        Files.write(work.resolve("iv"), iv);
        run("tpm2_import", "-C", "srk.ctx", "-G", "aes", "-i", "aes.key", "-u", "aes.pub", "-r", "aes.priv");
        flushTransients();
        run("tpm2_load", "-C", "srk.ctx", "-u", "aes.pub", "-r", "aes.priv", "-c", "aes.ctx");
        flushTransients();
        for (String[] mode : new String[][] {{"cfb", "aes-128-cfb"}, {"cbc", "aes-128-cbc"}, {"ctr", "aes-128-ctr"},
                {"ofb", "aes-128-ofb"}}) {
            byte[] plain = "thirty-two bytes of plaintext!!!".getBytes();
            Files.write(work.resolve("plain"), plain);
            run("tpm2_encryptdecrypt", "-c", "aes.ctx", "-G", mode[0], "-t", "iv", "-o", "by-tpm", "plain");
            flushTransients();
            run("openssl", "enc", "-" + mode[1], "-nopad", "-K", HEX.formatHex(aesKey), "-iv", HEX.formatHex(iv),
                    "-in", "plain", "-out", "by-openssl");
            assertArrayEquals(Files.readAllBytes(work.resolve("by-openssl")),
                    Files.readAllBytes(work.resolve("by-tpm")), mode[0]);
            run("tpm2_encryptdecrypt", "-d", "-c", "aes.ctx", "-G", mode[0], "-t", "iv", "-o", "decrypted",
                    "by-tpm");
            flushTransients();
            assertArrayEquals(plain, Files.readAllBytes(work.resolve("decrypted")), mode[0]);
        }
    }

    @Test
    void anOpensslKeyImportedSignsVerifiably() throws Exception {
        run("tpm2_createprimary", "-C", "o", "-G", "rsa2048", "-c", "srk.ctx");
        flushTransients();
        run("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "key.pem");
        run("openssl", "pkey", "-in", "key.pem", "-pubout", "-out", "public.pem");
        run("tpm2_import", "-C", "srk.ctx", "-G", "ecc", "-i", "key.pem", "-u", "key.pub", "-r", "key.priv");
        flushTransients();
        run("tpm2_load", "-C", "srk.ctx", "-u", "key.pub", "-r", "key.priv", "-c", "key.ctx");
        flushTransients();
        Files.writeString(work.resolve("message"), "signed by an imported key");
        run("tpm2_sign", "-c", "key.ctx", "-g", "sha256", "-f", "plain", "-o", "signature", "message");
        flushTransients();
        assertTrue(run("openssl", "dgst", "-sha256", "-verify", "public.pem", "-signature", "signature", "message")
                .contains("Verified OK"));
    }

    @Test
    void dictionaryAttackLockoutAndItsReset() throws Exception {
        run("tpm2_dictionarylockout", "-s", "-n", "2", "-t", "600", "-l", "600");
        run("tpm2_nvdefine", "0x1500031", "-C", "o", "-s", "8", "-a", "authread|authwrite", "-p", "index-pw");
        Files.writeString(work.resolve("data"), "8 bytes!");
        fails("tpm2_nvwrite", "0x1500031", "-C", "0x1500031", "-P", "wrong", "-i", "data");
        fails("tpm2_nvwrite", "0x1500031", "-C", "0x1500031", "-P", "wrong", "-i", "data");
        String locked = fails("tpm2_nvwrite", "0x1500031", "-C", "0x1500031", "-P", "index-pw", "-i", "data");
        assertTrue(locked.contains("lockout"), locked);
        assertTrue(run("tpm2_getcap", "properties-variable").contains("inLockout:                 1"));

        run("tpm2_dictionarylockout", "-c");
        run("tpm2_nvwrite", "0x1500031", "-C", "0x1500031", "-P", "index-pw", "-i", "data");
        assertTrue(run("tpm2_getcap", "properties-variable").contains("inLockout:                 0"));
    }

    @Test
    void hierarchyAuthorizationsAndClearWithLockoutAuth() throws Exception {
        run("tpm2_changeauth", "-c", "o", "owner-pw");
        run("tpm2_changeauth", "-c", "e", "endorsement-pw");
        run("tpm2_changeauth", "-c", "l", "lockout-pw");
        assertTrue(run("tpm2_getcap", "properties-variable").contains("ownerAuthSet:              1"));
        fails("tpm2_createprimary", "-C", "o", "-c", "primary.ctx");
        run("tpm2_createprimary", "-C", "o", "-P", "owner-pw", "-c", "primary.ctx");
        flushTransients();
        run("tpm2_createprimary", "-C", "e", "-P", "endorsement-pw", "-c", "ek.ctx");
        flushTransients();
        run("tpm2_changeauth", "-c", "o", "-p", "owner-pw", "new-owner-pw");
        run("tpm2_createprimary", "-C", "o", "-P", "new-owner-pw", "-c", "primary.ctx");
        flushTransients();
        run("tpm2_evictcontrol", "-C", "o", "-P", "new-owner-pw", "-c", "primary.ctx", "0x81000009");
        run("tpm2_nvdefine", "0x1500009", "-C", "o", "-P", "new-owner-pw", "-s", "8", "-a", "ownerread|ownerwrite");

        run("tpm2_clear", "-c", "l", "lockout-pw");
        String properties = run("tpm2_getcap", "properties-variable");
        assertTrue(properties.contains("ownerAuthSet:              0"), properties);
        assertTrue(properties.contains("lockoutAuthSet:            0"), properties);
        run("tpm2_createprimary", "-C", "o", "-c", "primary.ctx");
        flushTransients();
        assertTrue(run("tpm2_getcap", "handles-persistent").strip().isEmpty());
        assertTrue(run("tpm2_getcap", "handles-nv-index").strip().isEmpty());
    }

    @Test
    void aKeyDuplicatedWithThePolicyItNamesImportsUnderANewParent() throws Exception {
        run("tpm2_createprimary", "-C", "o", "-G", "rsa2048", "-c", "srk.ctx");
        flushTransients();
        run("tpm2_startauthsession", "-S", "trial.ctx");
        run("tpm2_policycommandcode", "-S", "trial.ctx", "-L", "duplication.policy", "TPM2_CC_Duplicate");
        run("tpm2_flushcontext", "trial.ctx");
        run("tpm2_create", "-C", "srk.ctx", "-G", "ecc256:ecdsa-sha256:null", "-L", "duplication.policy", "-a",
                "sensitivedataorigin|userwithauth|sign", "-u", "key.pub", "-r", "key.priv");
        flushTransients();
        run("tpm2_readpublic", "-c", "srk.ctx", "-o", "srk.pub");
        flushTransients();
        run("tpm2_createprimary", "-C", "o", "-G", "ecc256", "-c", "new-parent.ctx");
        flushTransients();
        run("tpm2_readpublic", "-c", "new-parent.ctx", "-o", "new-parent.pub");
        flushTransients();
        Files.writeString(work.resolve("message"), "signed after the move");
        for (String[] inner : new String[][] {{"null"}, {"aes", "inner.key"}}) {
            run("tpm2_load", "-C", "srk.ctx", "-u", "key.pub", "-r", "key.priv", "-c", "key.ctx");
            flushTransients();
            run("tpm2_loadexternal", "-C", "o", "-u", "new-parent.pub", "-c", "new-parent-public.ctx");
            flushTransients();
            run("tpm2_startauthsession", "--policy-session", "-S", "session.ctx");
            run("tpm2_policycommandcode", "-S", "session.ctx", "TPM2_CC_Duplicate");
            List<String> duplicate = new ArrayList<>(List.of("tpm2_duplicate", "-C", "new-parent-public.ctx", "-c",
                    "key.ctx", "-G", inner[0], "-p", "session:session.ctx", "-r", "duplicate.priv", "-s",
                    "duplicate.seed"));
            List<String> importing = new ArrayList<>(List.of("tpm2_import", "-C", "new-parent.ctx", "-u", "key.pub",
                    "-i", "duplicate.priv", "-s", "duplicate.seed", "-r", "moved.priv"));
            if (inner.length > 1) {
                duplicate.addAll(List.of("-o", inner[1]));
                importing.addAll(List.of("-k", inner[1]));
            }
            run(duplicate.toArray(String[]::new));
            run("tpm2_flushcontext", "session.ctx");
            flushTransients();
            run(importing.toArray(String[]::new));
            flushTransients();
            run("tpm2_load", "-C", "new-parent.ctx", "-u", "key.pub", "-r", "moved.priv", "-c", "moved.ctx");
            flushTransients();
            run("tpm2_readpublic", "-c", "moved.ctx", "-f", "pem", "-o", "moved.pem");
            flushTransients();
            run("tpm2_sign", "-c", "moved.ctx", "-g", "sha256", "-f", "plain", "-o", "signature", "message");
            flushTransients();
            assertTrue(run("openssl", "dgst", "-sha256", "-verify", "moved.pem", "-signature", "signature",
                    "message").contains("Verified OK"), inner[0]);
        }
    }

    @Test
    void anAkOfTheEkActivatesItsCredential() throws Exception {
        for (String algorithm : new String[] {"rsa", "ecc"}) {
            run("tpm2_createek", "-c", "ek.ctx", "-G", algorithm, "-u", "ek.pub");
            flushTransients();
            run("tpm2_createak", "-C", "ek.ctx", "-c", "ak.ctx", "-G", algorithm, "-g", "sha256", "-u", "ak.pub",
                    "-n", "ak.name");
            flushTransients();
            String akName = HEX.formatHex(Files.readAllBytes(work.resolve("ak.name")));
            byte[] secret = ("a credential for the " + algorithm + " AK").getBytes();
            Files.write(work.resolve("secret"), secret);
            run("tpm2_makecredential", "-T", "none", "-u", "ek.pub", "-s", "secret", "-n", akName, "-o", "credential");
            run("tpm2_startauthsession", "--policy-session", "-S", "session.ctx");
            run("tpm2_policysecret", "-S", "session.ctx", "-c", "e");
            run("tpm2_activatecredential", "-c", "ak.ctx", "-C", "ek.ctx", "-i", "credential", "-o", "activated",
                    "-P", "session:session.ctx");
            run("tpm2_flushcontext", "session.ctx");
            flushTransients();
            assertArrayEquals(secret, Files.readAllBytes(work.resolve("activated")), algorithm);
        }
    }

    @Test
    void anEkCertificateThePlatformProvisionsIsFoundByGetEkCertificate() throws Exception {
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-subj", "/CN=EK",
                "-days", "1", "-outform", "DER", "-out", "ek.der");
        byte[] certificate = Files.readAllBytes(work.resolve("ek.der"));
        // The attributes TCG's EK Credential Profile gives the EK certificate indices.
        run("tpm2_nvdefine", "0x1c00002", "-C", "p", "-s", Integer.toString(certificate.length), "-a",
                "ppwrite|writedefine|ppread|ownerread|authread|no_da|platformcreate");
        run("tpm2_nvwrite", "0x1c00002", "-C", "p", "-i", "ek.der");
        run("tpm2_nvwritelock", "0x1c00002", "-C", "p");
        fails("tpm2_nvwrite", "0x1c00002", "-C", "p", "-i", "ek.der");
        run("tpm2_getekcertificate", "-o", "found.der");
        assertArrayEquals(certificate, Files.readAllBytes(work.resolve("found.der")));
    }

    private String run(String... command) throws Exception {
        return Tpm2Tools.run(work, tcti, command);
    }

    private String fails(String... command) throws Exception {
        return Tpm2Tools.fails(work, tcti, command);
    }

    private void flushTransients() throws Exception {
        run("tpm2_flushcontext", "--transient-object");
    }
}
