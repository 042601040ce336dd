package org.vtpm.it.rar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

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
 * The pool survives a dead physical TPM: calls fail cleanly while it is gone, and once it is back
 * at its address the pool serves again, without a server restart.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PhysicalTpmRecoveryIT {

    private static final String RANDOM = "/api/v1/tpms/physical/random";

    @Deployment(testable = false)
    static EnterpriseArchive application() {
        return Deployments.application();
    }

    @Test
    void aDeadTpmFailsCleanlyAndThePoolRecoversWhenItIsBack() throws Exception {
        Api admin = Api.asAdmin();
        assertEquals(200, admin.postJson(RANDOM, "{\"bytes\": 16}").status());

        SystemUnderTest.stopPhysicalTpm();
        try {
            Api.Reply whileDown = admin.postJson(RANDOM, "{\"bytes\": 16}");
            assertEquals(503, whileDown.status(), whileDown.toString());
            assertTrue(whileDown.contentType().startsWith("application/problem+json"), whileDown.toString());
            Api.Reply health = Api.anonymous().get("/api/v1/health");
            assertEquals(503, health.status(), health.toString());
        } finally {
            SystemUnderTest.restartPhysicalTpm();
        }

        Api.Reply recovered = awaitStatus(admin, 200, Duration.ofSeconds(30));
        assertEquals(200, recovered.status(), recovered.toString());
        assertEquals(200, Api.anonymous().get("/api/v1/health").status());
    }

    private static Api.Reply awaitStatus(Api admin, int status, Duration patience) throws Exception {
        Instant deadline = Instant.now().plus(patience);
        Api.Reply reply = admin.postJson(RANDOM, "{\"bytes\": 16}");
        while (reply.status() != status && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            reply = admin.postJson(RANDOM, "{\"bytes\": 16}");
        }
        return reply;
    }
}
