package org.vtpm.it.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vtpm.it.Api;
import org.vtpm.it.Deployments;
import org.vtpm.it.Tpm2Cli;

/**
 * A vTPM belongs to its creator's tenant: a user of another tenant neither sees it nor reaches
 * it through any lifecycle endpoint, and gets the same 404 as for an id that never existed.
 */
@ExtendWith(ArquillianExtension.class)
class TenantIsolationIT {

    @Deployment(name = "application", order = 1, testable = false)
    static EnterpriseArchive application() {
        return Deployments.application();
    }

    @Deployment(name = "probe", order = 2)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "tenancy-probe.war")
                .addClasses(TenantIsolationIT.class, Lifecycle.class, Database.class, Api.class, Api.Reply.class,
                        Tpm2Cli.class, Tpm2Cli.Result.class)
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: deployment.vtpm.ear\n"));
    }

    @Test
    @OperateOnDeployment("probe")
    void anotherTenantNeitherSeesNorReachesAVtpm() throws Exception {
        Lifecycle owner = new Lifecycle();
        String id = owner.create("ECC_P256");
        Api other = newUserOfTenant("other-" + UUID.randomUUID());

        String unknown = UUID.randomUUID().toString();
        for (String vtpm : new String[] {id, unknown}) {
            for (Api.Reply reply : new Api.Reply[] {
                    other.get("/api/v1/vtpms/" + vtpm),
                    other.get("/api/v1/vtpms/" + vtpm + "/certificates"),
                    other.get("/api/v1/vtpms/" + vtpm + "/snapshots"),
                    other.postJson("/api/v1/vtpms/" + vtpm + "/start", ""),
                    other.postJson("/api/v1/vtpms/" + vtpm + "/snapshots", "{}"),
                    other.postJson("/api/v1/vtpms/" + vtpm + "/clone", "{\"name\":\"stolen\"}"),
                    other.postJson("/api/v1/vtpms/" + vtpm + "/migrate", "{\"targetHost\":\"local\"}"),
                    other.delete("/api/v1/vtpms/" + vtpm)}) {
                assertEquals(404, reply.status(), reply.toString());
                assertEquals("{\"detail\":\"no vTPM with id '" + vtpm + "'\",\"status\":404,\"title\":\"Not Found\"}",
                        reply.body(), "the answer must not tell another tenant's vTPM from none");
            }
        }
        assertFalse(other.get("/api/v1/vtpms?limit=500").body().contains(id));

        String theirs = created(other);
        assertFalse(owner.listIds().contains(theirs));
        assertEquals("PROVISIONED", owner.get(id).getString("status"), "the other tenant changed nothing");
        assertEquals(200, other.get("/api/v1/vtpms/" + theirs).status());
    }

    private static String created(Api api) throws Exception {
        Api.Reply reply = api.postJson("/api/v1/vtpms", "{\"name\":\"theirs-" + UUID.randomUUID() + "\"}");
        assertEquals(201, reply.status(), reply.toString());
        return reply.object().getString("id");
    }

    /** A user in the realm's table as an operator would add one: admin role, another tenant's group. */
    private static Api newUserOfTenant(String tenant) throws Exception {
        String username = "user-" + UUID.randomUUID();
        String password = UUID.randomUUID().toString();
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        int iterations = 4096;
        byte[] digest = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        try (Connection connection = Database.dataSource().getConnection()) {
            try (PreparedStatement user = connection.prepareStatement(
                    "INSERT INTO vtpm_user (username, password_digest, salt, iterations, version) VALUES (?, ?, ?, ?, 0)")) {
                user.setString(1, username);
                user.setString(2, Base64.getEncoder().encodeToString(digest));
                user.setString(3, Base64.getEncoder().encodeToString(salt));
                user.setInt(4, iterations);
                user.executeUpdate();
            }
            for (String group : new String[] {"admin", "tenant:" + tenant}) {
                try (PreparedStatement membership = connection.prepareStatement(
                        "INSERT INTO vtpm_user_group (username, group_name) VALUES (?, ?)")) {
                    membership.setString(1, username);
                    membership.setString(2, group);
                    membership.executeUpdate();
                }
            }
        }
        return Api.as(username, password);
    }
}
