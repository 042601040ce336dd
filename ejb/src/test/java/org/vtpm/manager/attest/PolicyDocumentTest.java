package org.vtpm.manager.attest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.vtpm.manager.InvalidRequestException;
import org.vtpm.tpm.attest.AttestationPolicy;
import org.vtpm.tpm.attest.Baseline;
import org.vtpm.tpm.attest.EventDigestRef;
import org.vtpm.tpm.attest.PcrValues;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.eventlog.Bytes;

class PolicyDocumentTest {

    private static final String SHA256 = "ab".repeat(32);

    @Test
    void rulesReadBackAsWritten() throws Exception {
        JsonObject rules = json("{\"referencePcrs\":{\"sha256\":{\"0\":\"" + SHA256 + "\"},\"sha1\":{\"7\":\""
                + "cd".repeat(20) + "\"}},\"allowedEvents\":[{\"bank\":\"sha256\",\"pcr\":4,\"digest\":\"" + SHA256
                + "\"}],\"requiredEvents\":[{\"bank\":\"sha256\",\"pcr\":4,\"digest\":\"" + SHA256 + "\"}],"
                + "\"baselinePcrs\":{\"sha256\":[1,2]}}");
        AttestationPolicy policy = PolicyDocument.read(rules, "policy");
        assertEquals(Bytes.fromHex(SHA256), policy.referencePcrs().value(HashAlgorithm.SHA256, 0).orElseThrow());
        assertEquals(new TreeSet<>(List.of(1, 2)), policy.baselinePcrs().get(HashAlgorithm.SHA256));
        assertEquals(policy, PolicyDocument.decode(PolicyDocument.encode(policy)));
    }

    @Test
    void malformedRulesAreRefusedNamingWhere() {
        for (String bad : List.of("{}", "{\"referencePcr\":{}}", "{\"referencePcrs\":{\"md5\":{}}}",
                "{\"referencePcrs\":{\"sha256\":{\"24\":\"" + SHA256 + "\"}}}",
                "{\"referencePcrs\":{\"sha256\":{\"0\":\"abcd\"}}}",
                "{\"referencePcrs\":{\"sha256\":{\"0\":\"" + "zz".repeat(32) + "\"}}}",
                "{\"referencePcrs\":{\"sha256\":{\"x\":\"" + SHA256 + "\"}}}",
                "{\"baselinePcrs\":{\"sha256\":[1.5]}}", "{\"baselinePcrs\":{\"sha256\":\"0-7\"}}",
                "{\"allowedEvents\":[{\"bank\":\"sha256\",\"pcr\":-1,\"digest\":\"" + SHA256 + "\"}]}")) {
            assertThrows(InvalidRequestException.class, () -> PolicyDocument.read(json(bad), "policy"), bad);
        }
    }

    @Test
    void aBaselineReadsBackAsStored() {
        SortedMap<Integer, Bytes> values = new TreeMap<>(Map.of(7, Bytes.fromHex(SHA256)));
        Baseline baseline = new Baseline(new PcrValues(Map.of(HashAlgorithm.SHA256, values)),
                List.of(new EventDigestRef(HashAlgorithm.SHA256, 7, Bytes.fromHex(SHA256))));
        assertEquals(baseline, BaselineDocument.decode(BaselineDocument.encode(baseline)));
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
