package org.vtpm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The walking skeleton through every layer: JAX-RS, a stateless EJB, the resource adapter's
 * pooled connection to the physical TPM (a swtpm here), JPA audit rows, and the audit queue's
 * message-driven bean.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WalkingSkeletonIT {

    private static final String RANDOM = "/api/v1/tpms/physical/random";

    @Deployment(testable = false)
    static EnterpriseArchive application() {
        return Deployments.application();
    }

    @Test
    void healthReportsDatabaseBrokerAndPhysicalTpmUp() throws Exception {
        Api.Reply reply = Api.anonymous().get("/api/v1/health");

        assertEquals(200, reply.status(), reply.toString());
        JsonObject health = reply.json().asJsonObject();
        assertEquals("UP", health.getString("status"));
        Set<String> upChecks = health.getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .filter(check -> "UP".equals(check.getString("status")))
                .map(check -> check.getString("name"))
                .collect(Collectors.toSet());
        assertEquals(Set.of("database", "messaging", "physical-tpm"), upChecks, reply.body());
    }

    @Test
    void randomBytesComeFromThePhysicalTpmAndAreAudited() throws Exception {
        Api admin = Api.asAdmin();
        Api.Reply first = admin.postJson(RANDOM, "{\"bytes\": 32}");
        Api.Reply second = admin.postJson(RANDOM, "{\"bytes\": 32}");

        assertEquals(200, first.status(), first.toString());
        byte[] firstBytes = Base64.getDecoder().decode(first.json().asJsonObject().getString("random"));
        byte[] secondBytes = Base64.getDecoder().decode(second.json().asJsonObject().getString("random"));
        assertEquals(32, firstBytes.length);
        assertEquals(32, secondBytes.length);
        assertFalse(java.util.Arrays.equals(firstBytes, secondBytes), "two draws from a TPM's RNG repeated");

        String correlationId = first.json().asJsonObject().getString("correlationId");
        List<JsonObject> events = awaitAuditEvents(admin, correlationId, 2);
        assertEquals(Set.of("REQUEST", "QUEUE"),
                events.stream().map(event -> event.getString("source")).collect(Collectors.toSet()));
        for (JsonObject event : events) {
            assertEquals("admin", event.getString("actor"));
            assertEquals("TPM2_GetRandom", event.getString("action"));
            assertEquals("physical:default", event.getString("target"));
            assertEquals("SUCCESS", event.getString("outcome"));
        }
    }

    @Test
    void smallestAndLargestRequestsAreServed() throws Exception {
        for (int count : new int[] {1, 64}) {
            Api.Reply reply = Api.asAdmin().postJson(RANDOM, "{\"bytes\": " + count + "}");
            assertEquals(200, reply.status(), reply.toString());
            assertEquals(count, Base64.getDecoder().decode(reply.json().asJsonObject().getString("random")).length);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"bytes\": -1}", "{\"bytes\": 0}", "{\"bytes\": 65}", "{\"bytes\": \"many\"}",
            "{\"bytes\": 3.5}", "not json", "", "[1,2]", "{\"bytes\": 99999999999}"})
    void badRequestBodiesGetAProblem(String body) throws Exception {
        Api.Reply reply = Api.asAdmin().postJson(RANDOM, body);

        assertEquals(400, reply.status(), reply.toString());
        assertProblem(reply, 400);
    }

    @Test
    void wrongMediaTypeGetsAProblem() throws Exception {
        Api.Reply reply = Api.asAdmin().post(RANDOM, "text/plain", "32");

        assertEquals(415, reply.status(), reply.toString());
        assertProblem(reply, 415);
    }

    @Test
    void unknownPathGetsAProblem() throws Exception {
        Api.Reply reply = Api.asAdmin().get("/api/v1/no-such-thing");

        assertEquals(404, reply.status(), reply.toString());
        assertProblem(reply, 404);
    }

    @Test
    void theApiNeedsTheAdminsCredentials() throws Exception {
        assertEquals(401, Api.anonymous().postJson(RANDOM, "{\"bytes\": 8}").status());
        assertEquals(401, Api.as("admin", "not-the-password").postJson(RANDOM, "{\"bytes\": 8}").status());
        assertEquals(401, Api.as("nobody", "x").get("/api/v1/audit-events").status());
    }

    @Test
    void theServerLogHoldsNoPasswordAndNoRandomBytes() throws Exception {
        Api.Reply reply = Api.asAdmin().postJson(RANDOM, "{\"bytes\": 48}");
        assertEquals(200, reply.status(), reply.toString());
        String random = reply.json().asJsonObject().getString("random");

        String log = java.nio.file.Files.readString(
                java.nio.file.Path.of(System.getProperty("vtpm.it.wildfly.home"), "standalone", "log", "server.log"));
        assertFalse(log.contains(System.getProperty("vtpm.it.admin.password")), "the admin password is in server.log");
        assertFalse(log.contains(random), "TPM random bytes are in server.log");
    }

    private static void assertProblem(Api.Reply reply, int status) {
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.toString());
        JsonObject problem = reply.json().asJsonObject();
        assertEquals(status, problem.getInt("status"));
        assertFalse(problem.getString("title").isBlank());
        assertFalse(problem.getString("detail").isBlank());
        assertFalse(reply.body().contains("Exception"), "a problem body must not leak exception names: " + reply);
    }

    private static List<JsonObject> awaitAuditEvents(Api admin, String correlationId, int expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            Api.Reply reply = admin.get("/api/v1/audit-events?correlationId=" + correlationId);
            assertEquals(200, reply.status(), reply.toString());
            JsonArray events = reply.json().asJsonArray();
            if (events.size() >= expected || Instant.now().isAfter(deadline)) {
                assertEquals(expected, events.size(), reply.body());
                return events.stream().map(JsonValue::asJsonObject).toList();
            }
            Thread.sleep(200);
        }
    }
}
