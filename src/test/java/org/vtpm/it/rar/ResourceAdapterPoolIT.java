package org.vtpm.it.rar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.naming.InitialContext;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vtpm.it.Deployments;
import org.vtpm.rar.api.TpmConnection;
import org.vtpm.rar.api.TpmConnectionFactory;
import org.vtpm.rar.api.TpmResourceException;
import org.vtpm.tpm.client.PasswordSession;
import org.vtpm.tpm.command.CreatePrimary;
import org.vtpm.tpm.command.CreatePrimaryResponse;
import org.vtpm.tpm.command.GetCapability;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Cap;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.HandleList;
import org.vtpm.tpm.types.Hc;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.PublicKeyRsa;
import org.vtpm.tpm.types.RsaParms;
import org.vtpm.tpm.types.RsaScheme;
import org.vtpm.tpm.types.SensitiveCreate;
import org.vtpm.tpm.types.SymDefObject;
import org.vtpm.tpm.wire.Tpm2b;

/**
 * The adapter's pool seen from inside the server, by an application that looks up the physical
 * connection definition (a swtpm the suite started): borrowers of one TPM take turns, a borrower
 * waits at most the lease timeout for it, and what one borrower loads is gone for the next.
 */
@ExtendWith(ArquillianExtension.class)
class ResourceAdapterPoolIT {

    /** As configured by wildfly-config/cli/configure-resource-adapter.cli and the adapter's default. */
    private static final int MAX_POOL_SIZE = 8;
    private static final Duration LEASE_TIMEOUT = Duration.ofMillis(5000);

    private static final Public STORAGE_KEY = new Public(AlgId.RSA, AlgId.SHA256,
            ObjectAttributes.of(ObjectAttributes.FIXED_TPM, ObjectAttributes.FIXED_PARENT,
                    ObjectAttributes.SENSITIVE_DATA_ORIGIN, ObjectAttributes.USER_WITH_AUTH,
                    ObjectAttributes.RESTRICTED, ObjectAttributes.DECRYPT),
            Digest.EMPTY, new RsaParms(SymDefObject.aesCfb(128), RsaScheme.NULL, 2048, 0), PublicKeyRsa.EMPTY);

    @Deployment(name = "application", order = 1, testable = false)
    static EnterpriseArchive application() {
        return Deployments.application();
    }

    /** An application of its own that sees the adapter's API through the EAR's module. */
    @Deployment(name = "probe", order = 2)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "rar-probe.war")
                .addClass(ResourceAdapterPoolIT.class)
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: deployment.vtpm.ear\n"));
    }

    @Test
    @OperateOnDeployment("probe")
    void aSecondBorrowerOfTheSameTpmWaitsAtMostTheLeaseTimeout() throws Exception {
        TpmConnectionFactory tpms = InitialContext.doLookup("java:/eis/tpm/physical");
        try (TpmConnection first = tpms.getConnection()) {
            assertEquals(8, first.getRandom(8).length);
            long start = System.nanoTime();
            TpmResourceException refused = assertThrows(TpmResourceException.class, tpms::getConnection);
            Duration waited = Duration.ofNanos(System.nanoTime() - start);

            assertTrue(waited.compareTo(LEASE_TIMEOUT.minusMillis(500)) >= 0, "gave up after only " + waited);
            assertTrue(waited.compareTo(LEASE_TIMEOUT.multipliedBy(2)) < 0, "waited " + waited);
            assertTrue(refused.getMessage().contains("physical:default"), refused.getMessage());
            assertEquals(8, first.getRandom(8).length, "the first borrower lost its TPM");
        }
        try (TpmConnection second = tpms.getConnection()) {
            assertEquals(8, second.getRandom(8).length);
        }
    }

    @Test
    @OperateOnDeployment("probe")
    void concurrentBorrowersTakeTurnsAndEveryAnswerIsTheirs() throws Exception {
        TpmConnectionFactory tpms = InitialContext.doLookup("java:/eis/tpm/physical");
        ExecutorService threads = Executors.newFixedThreadPool(MAX_POOL_SIZE);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int thread = 0; thread < MAX_POOL_SIZE; thread++) {
                int size = 1 + thread;
                results.add(threads.submit(() -> {
                    int answered = 0;
                    for (int i = 0; i < 50; i++) {
                        try (TpmConnection tpm = tpms.getConnection()) {
                            assertEquals(size, tpm.getRandom(size).length);
                            answered++;
                        }
                    }
                    return answered;
                }));
            }
            for (Future<Integer> result : results) {
                assertEquals(50, result.get(2, TimeUnit.MINUTES));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    @OperateOnDeployment("probe")
    void objectsLoadedByOneBorrowerAreGoneForTheNext() throws Exception {
        TpmConnectionFactory tpms = InitialContext.doLookup("java:/eis/tpm/physical");
        Handle left;
        try (TpmConnection first = tpms.getConnection()) {
            CreatePrimaryResponse primary = first.execute(new CreatePrimary(Handle.RH_OWNER,
                    Tpm2b.of(SensitiveCreate.EMPTY), Tpm2b.of(STORAGE_KEY), Data.EMPTY, PcrSelectionList.EMPTY),
                    PasswordSession.empty());
            left = primary.objectHandle();
            assertTrue(transientHandles(first).contains(left), "the primary is not loaded");
        }
        for (int i = 0; i < MAX_POOL_SIZE; i++) {
            try (TpmConnection next = tpms.getConnection()) {
                assertEquals(List.of(), transientHandles(next), "objects of an earlier borrower are still loaded");
            }
        }
    }

    @Test
    @OperateOnDeployment("probe")
    void aClosedConnectionCannotBeUsed() throws Exception {
        TpmConnectionFactory tpms = InitialContext.doLookup("java:/eis/tpm/physical");
        TpmConnection connection = tpms.getConnection();
        connection.close();
        IllegalStateException closed = assertThrows(IllegalStateException.class, () -> connection.getRandom(1));
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
    }

    private static List<Handle> transientHandles(TpmConnection connection) throws TpmResourceException {
        HandleList handles = (HandleList) connection.execute(
                new GetCapability(Cap.HANDLES, Hc.TRANSIENT_FIRST, 64)).capabilityData().data();
        return handles.handles();
    }
}
