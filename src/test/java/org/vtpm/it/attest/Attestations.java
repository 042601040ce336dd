package org.vtpm.it.attest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.vtpm.it.Api;
import org.vtpm.tpm.attest.Evidence;
import org.vtpm.tpm.eventlog.Bytes;

/** The attestation calls the tests make, as the admin, through REST. */
final class Attestations {

    static final String LOG_RESOURCE = "/eventlogs/crypto_agile_eventlog.bin";

    final Api api = Api.asAdmin();
    private final List<String> created = new ArrayList<>();

    static byte[] realLog() {
        try (InputStream in = Attestations.class.getResourceAsStream(LOG_RESOURCE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Creates and starts a vTPM with an ECC EK and the given labels; returns its id. */
    String runningVtpm(Map<String, String> labels) throws Exception {
        JsonObjectBuilder body = Json.createObjectBuilder().add("name", "attest-" + UUID.randomUUID())
                .add("ek", Json.createArrayBuilder().add("ECC_P256"));
        if (!labels.isEmpty()) {
            body.add("labels", Json.createObjectBuilder(new HashMap<String, Object>(labels)));
        }
        Api.Reply reply = api.postJson("/api/v1/vtpms", body.build().toString());
        assertEquals(201, reply.status(), reply.toString());
        String id = reply.object().getString("id");
        this.created.add(id);
        Api.Reply started = api.postJson("/api/v1/vtpms/" + id + "/start", "");
        assertEquals(200, started.status(), started.toString());
        return id;
    }

    /** Deletes the vTPMs this instance created, so no test leaves vTPMs running for the next. */
    void deleteCreated() throws Exception {
        for (String id : created) {
            api.delete("/api/v1/vtpms/" + id);
        }
        created.clear();
    }

    String policyFromLog(byte[] log) throws Exception {
        Api.Reply reply = api.postJson("/api/v1/policies", Json.createObjectBuilder()
                .add("name", "boot-" + UUID.randomUUID()).add("eventLog", base64(log)).build().toString());
        assertEquals(201, reply.status(), reply.toString());
        return reply.object().getString("id");
    }

    void assign(String vtpmId, String policyId) throws Exception {
        Api.Reply reply = api.putJson("/api/v1/vtpms/" + vtpmId + "/policy", "{\"policy\":\"" + policyId + "\"}");
        assertEquals(200, reply.status(), reply.toString());
    }

    JsonObject attest(String vtpmId, String body) throws Exception {
        Api.Reply reply = api.postJson("/api/v1/vtpms/" + vtpmId + "/attestations", body);
        assertEquals(201, reply.status(), reply.toString());
        return reply.object();
    }

    JsonObject attestWithLog(String vtpmId, byte[] log) throws Exception {
        return attest(vtpmId, "{\"eventLog\":\"" + base64(log) + "\"}");
    }

    Bytes challenge(String vtpmId) throws Exception {
        Api.Reply reply = api.postJson("/api/v1/vtpms/" + vtpmId + "/challenges", "");
        assertEquals(201, reply.status(), reply.toString());
        return Bytes.fromHex(reply.object().getString("nonce"));
    }

    JsonObject submit(String vtpmId, Evidence evidence) throws Exception {
        Api.Reply reply = api.postJson("/api/v1/vtpms/" + vtpmId + "/evidence", evidenceJson(evidence).toString());
        assertEquals(201, reply.status(), reply.toString());
        return reply.object();
    }

    static JsonObject evidenceJson(Evidence evidence) {
        JsonObjectBuilder pcrs = Json.createObjectBuilder();
        evidence.pcrs().banks().forEach((bank, values) -> {
            JsonObjectBuilder entries = Json.createObjectBuilder();
            values.forEach((pcr, value) -> entries.add(Integer.toString(pcr), value.hex()));
            pcrs.add(bank.tpmName(), entries);
        });
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("attest", base64(evidence.attest().toByteArray()))
                .add("signature", base64(evidence.signature().toByteArray()))
                .add("pcrs", pcrs);
        evidence.eventLog().ifPresent(log -> json.add("eventLog", base64(log.toByteArray())));
        return json.build();
    }

    /** The reasons' codes of a result, in order. */
    static List<String> codes(JsonObject result) {
        return result.getJsonArray("reasons").getValuesAs(JsonObject.class).stream()
                .map(reason -> reason.getString("code")).toList();
    }
}
