package org.vtpm.it.lifecycle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vtpm.it.Api;
import org.vtpm.it.Deployments;
import org.vtpm.it.Tpm2Cli;

/**
 * Durability across a server restart (a reload: every deployment, the adapter with its running
 * vTPMs and the KEKs in memory go away and come back): a vTPM that was running is STOPPED
 * afterwards and starts again with the NV data its guest wrote.
 */
@ExtendWith(ArquillianExtension.class)
class ServerRestartIT {

    private static final String NV_INDEX = "0x1500019";

    @ArquillianResource
    private ManagementClient management;

    @Deployment(testable = false)
    static EnterpriseArchive application() {
        return Deployments.application();
    }

    @Test
    void aVtpmRunningWhenTheServerWentDownStartsAgainWithItsNv() throws Exception {
        Lifecycle vtpms = new Lifecycle();
        String id = vtpms.create("ECC_P256");
        Path work = Files.createTempDirectory("vtpm-restart");
        byte[] secret = VtpmLifecycleIT.randomBytes(32);
        Files.write(work.resolve("secret"), secret);
        Tpm2Cli guest = vtpms.start(id, work);
        guest.run("tpm2_startup", "-c");
        guest.run("tpm2_nvdefine", NV_INDEX, "-C", "o", "-s", "32", "-a", "ownerread|ownerwrite");
        guest.run("tpm2_nvwrite", NV_INDEX, "-C", "o", "-i", "secret");

        restartServer();

        assertEquals("STOPPED", vtpms.get(id).getString("status"));
        guest = vtpms.start(id, work);
        guest.run("tpm2_startup", "-c");
        guest.run("tpm2_nvread", NV_INDEX, "-C", "o", "-s", "32", "-o", "read");
        assertArrayEquals(secret, Files.readAllBytes(work.resolve("read")));
        vtpms.stop(id);
    }

    private void restartServer() throws Exception {
        ModelNode result = management.getControllerClient().execute(Operations.createOperation("reload"));
        assertTrue(Operations.isSuccessfulOutcome(result), result.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try {
                if (Api.anonymous().get("/api/v1/health").status() == 200 && serverRunning()) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // the server is still coming back
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the server did not come back within 120 s");
    }

    private boolean serverRunning() throws java.io.IOException {
        ModelNode result = management.getControllerClient().execute(
                Operations.createReadAttributeOperation(new ModelNode().setEmptyList(), "server-state"));
        return Operations.isSuccessfulOutcome(result) && "running".equals(Operations.readResult(result).asString());
    }
}
