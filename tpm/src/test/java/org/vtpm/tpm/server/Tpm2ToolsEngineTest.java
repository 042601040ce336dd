package org.vtpm.tpm.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.crypto.Hmac;
import org.vtpm.tpm.types.Attest;
import org.vtpm.tpm.types.CertifyInfo;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.St;
import org.vtpm.tpm.testing.Tpm2Tools;
import org.vtpm.tpm.wire.Codecs;

/**
 * tpm2-tools (tpm2-tss's {@code swtpm} TCTI, one TCP connection per command) as an independent
 * client of the Java engine behind the socket server. Outputs are checked outside the TPM where
 * possible: digests with {@link HashAlgorithm}, signatures with openssl, quotes with
 * tpm2_checkquote. The tools leave transient objects loaded and the engine has three object
 * slots, so each step that loads one flushes it again.
 */
class Tpm2ToolsEngineTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String PERSISTENT = "0x81000001";
    private static final String INDEX = "0x1500016";
    private static final String COUNTER = "0x1500017";
    private static final String EXTEND = "0x1500018";

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
        start();
        run("tpm2_startup", "-c");
    }

    @AfterEach
    void powerOff() throws Exception {
        tpm.close();
    }

    private void start() throws Exception {
        tpm = ServedTpm.start(stateDirectory, ServedTpm.Protocol.SWTPM, ServerOptions.defaults(),
                ServedTpm.Backend.ENGINE);
        tcti = "swtpm:host=127.0.0.1,port=" + tpm.port(ServerChannel.SWTPM_DATA);
        run("swtpm_ioctl", "--tcp", "127.0.0.1:" + tpm.port(ServerChannel.SWTPM_CONTROL), "-i");
    }

    @Test
    void selfTestRandomCapabilitiesAndAShutdownStateThatResumes() throws Exception {
        run("tpm2_selftest", "--fulltest");
        assertTrue(run("tpm2_gettestresult").contains("success"));
        String first = run("tpm2_getrandom", "--hex", "32").strip();
        assertEquals(64, first.length());
        assertNotEquals(first, run("tpm2_getrandom", "--hex", "32").strip());
        String algorithms = run("tpm2_getcap", "algorithms");
        for (String name : new String[] {"sha1:", "sha256:", "sha384:", "ecc:", "rsa:", "hmac:"}) {
            assertTrue(algorithms.contains(name), name + " in " + algorithms);
        }

        byte[] measured = HashAlgorithm.SHA256.hash("boot".getBytes(StandardCharsets.US_ASCII));
        run("tpm2_pcrextend", "10:sha256=" + HEX.formatHex(measured));
        byte[] expected = HashAlgorithm.SHA256.hash(new byte[32], measured);
        run("tpm2_shutdown");
        run("swtpm_ioctl", "--tcp", "127.0.0.1:" + tpm.port(ServerChannel.SWTPM_CONTROL), "-i");
        run("tpm2_startup");
        assertArrayEquals(expected, pcr(10), "TPM2_Startup(STATE) resumes PCR 10");
    }

    @Test
    void pcrExtendEventAndReset() throws Exception {
        byte[] digest = HashAlgorithm.SHA256.hash("extend".getBytes(StandardCharsets.US_ASCII));
        run("tpm2_pcrextend", "16:sha256=" + HEX.formatHex(digest));
        byte[] afterExtend = HashAlgorithm.SHA256.hash(new byte[32], digest);
        assertArrayEquals(afterExtend, pcr(16));

        byte[] event = "an event".getBytes(StandardCharsets.US_ASCII);
        Files.write(work.resolve("event.bin"), event);
        String digests = run("tpm2_pcrevent", "16", "event.bin");
        assertEquals(HEX.formatHex(HashAlgorithm.SHA384.hash(event)), field(digests, "sha384"));
        byte[] afterEvent = HashAlgorithm.SHA256.hash(afterExtend, HashAlgorithm.SHA256.hash(event));
        assertArrayEquals(afterEvent, pcr(16));

        // From a pipe the size is unknown, so the tool uses an event sequence, HMAC-authorized.
        String piped = Tpm2Tools.runWithInput(work, tcti, event, "tpm2_pcrevent", "16");
        assertEquals(HEX.formatHex(HashAlgorithm.SHA256.hash(event)), field(piped, "sha256"));
        assertArrayEquals(HashAlgorithm.SHA256.hash(afterEvent, HashAlgorithm.SHA256.hash(event)), pcr(16));
        assertEquals("", run("tpm2_getcap", "handles-transient").strip(), "the sequence is gone");

        run("tpm2_pcrreset", "16");
        assertArrayEquals(new byte[32], pcr(16));
        fails("tpm2_pcrreset", "10");
    }

    @Test
    void hashAndHmacMatchAnIndependentComputation() throws Exception {
        byte[] message = "hash me".getBytes(StandardCharsets.US_ASCII);
        Files.write(work.resolve("message"), message);
        for (HashAlgorithm algorithm : new HashAlgorithm[] {HashAlgorithm.SHA1, HashAlgorithm.SHA256,
                HashAlgorithm.SHA384}) {
            String out = run("tpm2_hash", "-C", "o", "-g", algorithm.tpmName(), "--hex", "message");
            assertEquals(HEX.formatHex(algorithm.hash(message)), out.strip());
        }

        byte[] key = "a sixteen b key!".getBytes(StandardCharsets.US_ASCII);
        Files.write(work.resolve("hmac.key"), key);
        run("tpm2_loadexternal", "-C", "n", "-G", "hmac", "-r", "hmac.key", "-c", "hmac.ctx");
        flushTransients();
        String mac = run("tpm2_hmac", "-c", "hmac.ctx", "--hex", "message").strip();
        assertEquals(HEX.formatHex(Hmac.compute(HashAlgorithm.SHA256, key, message)), mac);
        flushTransients();
    }

    @Test
    void primariesChildrenSignaturesAndContexts() throws Exception {
        run("tpm2_createprimary", "-C", "o", "-G", "rsa2048", "-c", "rsa.ctx");
        flushTransients();
        assertTrue(run("tpm2_readpublic", "-c", "rsa.ctx").contains("bits: 2048"));
        flushTransients();
        run("tpm2_createprimary", "-C", "o", "-G", "ecc256", "-c", "ecc.ctx");
        flushTransients();

        Files.writeString(work.resolve("message"), "sign me");
        // With a scheme given, the tools also ask for a symmetric algorithm, which a key that is not
        // a storage key must not have (libtpms refuses it as well): ":null" clears it.
        for (String[] key : new String[][] {{"ecc256", "sha256", "ecdsa"}, {"ecc384:ecdsa-sha384", "sha384", "ecdsa"},
                {"rsa2048", "sha256", "rsassa"}, {"rsa2048:rsapss-sha256:null", "sha256", "rsapss"}}) {
            String algorithm = key[0];
            String hash = key[1];
            String scheme = key[2];
            run("tpm2_create", "-C", "ecc.ctx", "-G", algorithm, "-u", "key.pub", "-r", "key.priv");
            flushTransients();
            run("tpm2_load", "-C", "ecc.ctx", "-u", "key.pub", "-r", "key.priv", "-c", "key.ctx");
            flushTransients();
            run("tpm2_readpublic", "-c", "key.ctx", "-f", "pem", "-o", "key.pem");
            flushTransients();
            run("tpm2_sign", "-c", "key.ctx", "-g", hash, "-s", scheme, "-f", "plain", "-o", "signature.plain",
                    "message");
            flushTransients();
            List<String> verify = new ArrayList<>(List.of("openssl", "dgst", "-" + hash, "-verify", "key.pem",
                    "-signature", "signature.plain"));
            if (scheme.equals("rsapss")) {
                verify.addAll(List.of("-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:auto"));
            }
            verify.add("message");
            assertTrue(run(verify.toArray(String[]::new)).contains("Verified OK"), algorithm);

            run("tpm2_sign", "-c", "key.ctx", "-g", hash, "-s", scheme, "-o", "signature.tss", "message");
            flushTransients();
            run("tpm2_verifysignature", "-c", "key.ctx", "-g", hash, "-m", "message", "-s", "signature.tss",
                    "-t", "ticket");
            flushTransients();
            Files.writeString(work.resolve("other"), "not signed");
            fails("tpm2_verifysignature", "-c", "key.ctx", "-g", hash, "-m", "other", "-s",
                    "signature.tss");
            flushTransients();
        }
        assertEquals("", run("tpm2_getcap", "handles-transient").strip());
    }

    @Test
    void quoteAndCertifyVerifyOutsideTheTpm() throws Exception {
        run("tpm2_createprimary", "-C", "o", "-G", "ecc256", "-c", "srk.ctx");
        flushTransients();
        // A restricted signing key carries no symmetric algorithm, hence ":null".
        run("tpm2_create", "-C", "srk.ctx", "-G", "ecc256:ecdsa-sha256:null", "-a",
                "fixedtpm|fixedparent|sensitivedataorigin|userwithauth|restricted|sign", "-u", "ak.pub", "-r",
                "ak.priv");
        flushTransients();
        run("tpm2_load", "-C", "srk.ctx", "-u", "ak.pub", "-r", "ak.priv", "-c", "ak.ctx");
        flushTransients();
        run("tpm2_readpublic", "-c", "ak.ctx", "-f", "pem", "-o", "ak.pem");
        flushTransients();

        run("tpm2_pcrextend", "16:sha256=" + "5a".repeat(32));
        run("tpm2_quote", "-c", "ak.ctx", "-l", "sha256:0,16", "-q", "c0ffee42", "-g", "sha256", "-m",
                "quote.msg", "-s", "quote.sig", "-o", "quote.pcrs");
        flushTransients();
        run("tpm2_checkquote", "-u", "ak.pem", "-m", "quote.msg", "-s", "quote.sig", "-f", "quote.pcrs",
                "-g", "sha256", "-q", "c0ffee42");
        fails("tpm2_checkquote", "-u", "ak.pem", "-m", "quote.msg", "-s", "quote.sig", "-f", "quote.pcrs",
                "-g", "sha256", "-q", "c0ffee43");

        run("tpm2_readpublic", "-c", "srk.ctx", "-n", "srk.name");
        flushTransients();
        run("tpm2_certify", "-c", "srk.ctx", "-C", "ak.ctx", "-g", "sha256", "-o", "certify.attest", "-s",
                "certify.sig", "-f", "plain");
        flushTransients();
        assertTrue(run("openssl", "dgst", "-sha256", "-verify", "ak.pem", "-signature", "certify.sig",
                "certify.attest").contains("Verified OK"));
        Attest attest = Codecs.unmarshal(Attest.class, Files.readAllBytes(work.resolve("certify.attest")));
        assertEquals(Attest.TPM_GENERATED_VALUE, attest.magic());
        assertEquals(St.ATTEST_CERTIFY, attest.type());
        assertEquals(new Name(Files.readAllBytes(work.resolve("srk.name"))), ((CertifyInfo) attest.attested()).name());
    }

    @Test
    void nvOrdinaryCounterAndExtendIndices() throws Exception {
        byte[] data = "nv-data!".getBytes(StandardCharsets.US_ASCII);
        Files.write(work.resolve("data"), data);
        run("tpm2_nvdefine", INDEX, "-C", "o", "-s", "8", "-a", "ownerread|ownerwrite");
        run("tpm2_nvwrite", INDEX, "-C", "o", "-i", "data");
        run("tpm2_nvread", INDEX, "-C", "o", "-s", "8", "-o", "read");
        assertArrayEquals(data, Files.readAllBytes(work.resolve("read")));
        String description = run("tpm2_nvreadpublic", INDEX);
        assertTrue(description.contains("ownerwrite|ownerread|written"), description);
        assertTrue(description.contains("size: 8"), description);

        run("tpm2_nvdefine", COUNTER, "-C", "o", "-s", "8", "-a", "ownerread|ownerwrite|nt=counter");
        run("tpm2_nvincrement", COUNTER, "-C", "o");
        run("tpm2_nvincrement", COUNTER, "-C", "o");
        run("tpm2_nvread", COUNTER, "-C", "o", "-s", "8", "-o", "counter");
        long count = new BigInteger(1, Files.readAllBytes(work.resolve("counter"))).longValueExact();
        run("tpm2_nvincrement", COUNTER, "-C", "o");
        run("tpm2_nvread", COUNTER, "-C", "o", "-s", "8", "-o", "counter");
        assertEquals(count + 1, new BigInteger(1, Files.readAllBytes(work.resolve("counter"))).longValueExact());

        run("tpm2_nvdefine", EXTEND, "-C", "o", "-g", "sha256", "-a", "ownerread|ownerwrite|nt=extend");
        run("tpm2_nvextend", EXTEND, "-C", "o", "-i", "data");
        run("tpm2_nvread", EXTEND, "-C", "o", "-s", "32", "-o", "extended");
        assertArrayEquals(HashAlgorithm.SHA256.hash(new byte[32], data),
                Files.readAllBytes(work.resolve("extended")));

        run("tpm2_nvundefine", COUNTER, "-C", "o");
        String indices = run("tpm2_getcap", "handles-nv-index");
        assertTrue(indices.contains(INDEX) && indices.contains(EXTEND), indices);
        assertFalse(indices.contains(COUNTER), indices);
        fails("tpm2_nvread", COUNTER, "-C", "o", "-s", "8");
    }

    @Test
    void aRestartKeepsNvIndicesAndPersistentHandles() throws Exception {
        run("tpm2_createprimary", "-C", "o", "-G", "ecc256", "-c", "primary.ctx");
        flushTransients();
        run("tpm2_evictcontrol", "-C", "o", "-c", "primary.ctx", PERSISTENT);
        flushTransients();
        run("tpm2_readpublic", "-c", PERSISTENT, "-n", "before.name");
        byte[] data = "durable".getBytes(StandardCharsets.US_ASCII);
        Files.write(work.resolve("data"), data);
        run("tpm2_nvdefine", INDEX, "-C", "o", "-s", "7", "-a", "ownerread|ownerwrite");
        run("tpm2_nvwrite", INDEX, "-C", "o", "-i", "data");
        run("tpm2_shutdown", "-c");

        tpm.close();
        start();
        run("tpm2_startup", "-c");

        assertTrue(run("tpm2_getcap", "handles-persistent").contains(PERSISTENT));
        run("tpm2_readpublic", "-c", PERSISTENT, "-n", "after.name");
        assertArrayEquals(Files.readAllBytes(work.resolve("before.name")),
                Files.readAllBytes(work.resolve("after.name")));
        run("tpm2_nvread", INDEX, "-C", "o", "-s", "7", "-o", "read");
        assertArrayEquals(data, Files.readAllBytes(work.resolve("read")));

        run("tpm2_evictcontrol", "-C", "o", "-c", PERSISTENT);
        assertFalse(run("tpm2_getcap", "handles-persistent").contains(PERSISTENT));
    }

    @Test
    void anEncryptedHmacSessionSavedBetweenToolsGetsRandomBytes() throws Exception {
        run("tpm2_startauthsession", "--hmac-session", "-S", "s.ctx");
        assertEquals("0x2000000", run("tpm2_getcap", "handles-saved-session").replace("-", "").strip(),
                "the tool saves the session it started");
        run("tpm2_sessionconfig", "s.ctx", "--enable-encrypt");
        assertTrue(run("tpm2_sessionconfig", "s.ctx").contains("encrypt"));

        String first = run("tpm2_getrandom", "-S", "s.ctx", "--hex", "16").strip();
        String second = run("tpm2_getrandom", "-S", "s.ctx", "--hex", "16").strip();
        assertTrue(first.matches("[0-9a-f]{32}"), first);
        assertNotEquals(first, second);

        run("tpm2_flushcontext", "s.ctx");
        assertEquals("", run("tpm2_getcap", "handles-saved-session").strip());
        fails("tpm2_getrandom", "-S", "s.ctx", "--hex", "16");
    }

    @Test
    void aSaltedSessionAuthorizesNvWriteAndRead() throws Exception {
        run("tpm2_createprimary", "-C", "o", "-G", "ecc256", "-c", "primary.ctx");
        run("tpm2_evictcontrol", "-C", "o", "-c", "primary.ctx", PERSISTENT);
        flushTransients();
        run("tpm2_nvdefine", INDEX, "-C", "o", "-s", "8", "-a", "authread|authwrite");
        run("tpm2_startauthsession", "--hmac-session", "-c", PERSISTENT, "-S", "s.ctx");

        byte[] data = "salted!!".getBytes(StandardCharsets.US_ASCII);
        Files.write(work.resolve("data"), data);
        run("tpm2_nvwrite", INDEX, "-i", "data", "-P", "session:s.ctx");
        run("tpm2_nvread", INDEX, "-s", "8", "-o", "read", "-P", "session:s.ctx");
        assertArrayEquals(data, Files.readAllBytes(work.resolve("read")));

        run("tpm2_flushcontext", "s.ctx");
        assertEquals("", run("tpm2_getcap", "handles-saved-session").strip());
        fails("tpm2_nvwrite", INDEX, "-i", "data", "-P", "session:s.ctx");
        run("tpm2_evictcontrol", "-C", "o", "-c", PERSISTENT);
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

    private byte[] pcr(int index) throws Exception {
        String out = run("tpm2_pcrread", "sha256:" + index);
        Matcher value = Pattern.compile(index + ": 0x([0-9A-F]+)").matcher(out);
        assertTrue(value.find(), out);
        return HEX.parseHex(value.group(1).toLowerCase());
    }

    /** The value of a {@code name: hex} line in a tool's output. */
    private static String field(String output, String name) {
        Matcher value = Pattern.compile("(?m)^\\s*" + name + ": ([0-9a-f]+)$").matcher(output);
        assertTrue(value.find(), output);
        return value.group(1);
    }
}
