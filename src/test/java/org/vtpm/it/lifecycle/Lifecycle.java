package org.vtpm.it.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.vtpm.it.Api;
import org.vtpm.it.Tpm2Cli;

/** The lifecycle calls the tests make, as the admin, through REST. */
final class Lifecycle {

    final Api api = Api.asAdmin();

    String create(String ek) throws Exception {
        return create(ek, "it-" + UUID.randomUUID());
    }

    String create(String ek, String name) throws Exception {
        Api.Reply reply = createReply("{\"name\":\"" + name + "\",\"ek\":[\"" + ek + "\"]}");
        assertEquals(201, reply.status(), reply.toString());
        return reply.object().getString("id");
    }

    Api.Reply createReply(String body) throws Exception {
        return api.postJson("/api/v1/vtpms", body);
    }

    JsonObject get(String id) throws Exception {
        Api.Reply reply = api.get("/api/v1/vtpms/" + id);
        assertEquals(200, reply.status(), reply.toString());
        return reply.object();
    }

    List<String> listIds() throws Exception {
        Api.Reply reply = api.get("/api/v1/vtpms?limit=500");
        assertEquals(200, reply.status(), reply.toString());
        return reply.object().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(vtpm -> vtpm.getString("id"))
                .toList();
    }

    long total() throws Exception {
        return api.get("/api/v1/vtpms?limit=1").object().getJsonNumber("total").longValue();
    }

    /** Starts a vTPM and returns tpm2-tools pointed at its endpoint. */
    Tpm2Cli start(String id, Path work) throws Exception {
        Api.Reply reply = api.postJson("/api/v1/vtpms/" + id + "/start", "");
        assertEquals(200, reply.status(), reply.toString());
        assertEquals("RUNNING", reply.object().getString("status"));
        return guest(reply.object(), work);
    }

    Tpm2Cli guest(JsonObject vtpm, Path work) {
        JsonObject endpoint = vtpm.getJsonObject("endpoint");
        assertEquals("swtpm", endpoint.getString("protocol"));
        assertEquals(endpoint.getInt("port") + 1, endpoint.getInt("ctrlPort"));
        return Tpm2Cli.swtpm(endpoint.getString("host"), endpoint.getInt("port"), work);
    }

    void stop(String id) throws Exception {
        Api.Reply reply = api.postJson("/api/v1/vtpms/" + id + "/stop", "");
        assertEquals(200, reply.status(), reply.toString());
    }

    void assertConflict(Api.Reply reply) {
        assertEquals(409, reply.status(), reply.toString());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.toString());
        assertTrue(reply.object().getString("detail").startsWith("cannot "), reply.toString());
    }
}
