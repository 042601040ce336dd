package org.vtpm.it.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vtpm.it.Api;
import org.vtpm.it.Deployments;
import org.vtpm.it.SystemUnderTest;

/**
 * The server configured by {@code configure-datasource-postgresql.cli} keeps its data in the
 * PostgreSQL cluster the environment names: checked from the database's side, with the
 * application's own role, not only through the REST API.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PostgresqlIT {

    private static final String RANDOM = "/api/v1/tpms/physical/random";

    @Deployment(testable = false)
    static EnterpriseArchive application() {
        return Deployments.application();
    }

    @Test
    void healthReportsThePostgresqlDatabaseUp() throws Exception {
        Api.Reply reply = Api.anonymous().get("/api/v1/health");

        assertEquals(200, reply.status(), reply.toString());
        JsonObject database = reply.json().asJsonObject().getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .filter(check -> "database".equals(check.getString("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no database check: " + reply.body()));
        assertEquals("UP", database.getString("status"), reply.body());
        assertEquals("PostgreSQL", database.getJsonObject("data").getString("product"), reply.body());
    }

    @Test
    void bothAuditRowsOfARequestAreInPostgresql() throws Exception {
        assertBothAuditRowsOf(Api.asAdmin().postJson(RANDOM, "{\"bytes\": 16}"));
    }

    @Test
    void thePoolRecoversFromADatabaseRestart() throws Exception {
        assertEquals(200, Api.asAdmin().postJson(RANDOM, "{\"bytes\": 8}").status(), "before the restart");

        database().restart();

        // every pooled connection died with the old server: validation must discard them
        Api.Reply health = Api.anonymous().get("/api/v1/health");
        assertEquals(200, health.status(), health.toString());
        assertBothAuditRowsOf(Api.asAdmin().postJson(RANDOM, "{\"bytes\": 8}"));
    }

    @Test
    void theRealmAuthenticatesTheAdminStoredInPostgresql() throws Exception {
        List<String> admin = database().query("SELECT u.password_digest, u.iterations, g.group_name FROM vtpm_user u "
                + "JOIN vtpm_user_group g ON g.username = u.username WHERE u.username = 'admin'", Map.of());
        assertFalse(admin.isEmpty(), "no admin account with a group in vtpm_user");
        String password = System.getProperty("vtpm.it.admin.password");
        assertTrue(admin.stream().noneMatch(row -> row.contains(password)), "the admin password is stored in clear");

        assertEquals(200, Api.asAdmin().get("/api/v1/audit-events").status());
        assertEquals(401, Api.as("admin", password + "x").get("/api/v1/audit-events").status());
    }

    @Test
    void theApplicationsRoleIsNoSuperuserAndOwnsTheTablesItCreated() throws Exception {
        DatabaseEndpoint endpoint = database().endpoint();

        assertEquals(List.of("f"), database().query("SELECT rolsuper FROM pg_roles WHERE rolname = current_user",
                Map.of()));
        assertEquals(List.of("audit_event|" + endpoint.user(), "vtpm_user|" + endpoint.user()),
                database().query("SELECT tablename, tableowner FROM pg_tables WHERE schemaname = 'public' "
                        + "AND tablename IN ('audit_event', 'vtpm_user') ORDER BY tablename", Map.of()));
    }

    @Test
    void noDatabaseCredentialIsInTheConfigurationOrTheLog() throws Exception {
        Path server = Path.of(System.getProperty("vtpm.it.wildfly.home"), "standalone");
        String configuration = Files.readString(server.resolve("configuration/standalone-full.xml"));
        String log = Files.readString(server.resolve("log/server.log"));
        String password = database().endpoint().password();

        assertTrue(configuration.contains("password=\"${env.VTPM_DB_PASSWORD}\""),
                "VtpmDS does not read its password from the environment");
        assertFalse(configuration.contains(password), "the database password is in standalone-full.xml");
        assertFalse(log.contains(password), "the database password is in server.log");
    }

    private static void assertBothAuditRowsOf(Api.Reply reply) throws Exception {
        assertEquals(200, reply.status(), reply.toString());
        String correlationId = reply.json().asJsonObject().getString("correlationId");

        List<String> rows = awaitRows(2, "SELECT source, actor, action, target, outcome FROM audit_event "
                + "WHERE correlation_id = :'correlation' ORDER BY source", Map.of("correlation", correlationId));

        assertEquals(List.of("QUEUE|admin|TPM2_GetRandom|physical:default|SUCCESS",
                "REQUEST|admin|TPM2_GetRandom|physical:default|SUCCESS"), rows);
    }

    private static PostgresqlCluster database() {
        return SystemUnderTest.database();
    }

    /** The audit queue's listener writes its row after the response: wait for it, briefly. */
    private static List<String> awaitRows(int expected, String sql, Map<String, String> variables) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            List<String> rows = database().query(sql, variables);
            if (rows.size() >= expected || Instant.now().isAfter(deadline)) {
                return rows;
            }
            Thread.sleep(200);
        }
    }
}
