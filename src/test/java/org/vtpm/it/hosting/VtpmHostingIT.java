package org.vtpm.it.hosting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.naming.InitialContext;
import javax.sql.DataSource;

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
import org.vtpm.rar.api.TpmConnection;
import org.vtpm.rar.api.TpmConnectionFactory;
import org.vtpm.rar.api.TpmResourceException;
import org.vtpm.rar.api.TpmTarget;
import org.vtpm.rar.api.VtpmEndpoint;
import org.vtpm.rar.api.VtpmHost;
import org.vtpm.rar.api.VtpmState;
import org.vtpm.tpm.client.PasswordSession;
import org.vtpm.tpm.command.NvDefineSpace;
import org.vtpm.tpm.command.NvRead;
import org.vtpm.tpm.command.NvWrite;
import org.vtpm.tpm.command.Startup;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.MaxNvBuffer;
import org.vtpm.tpm.types.NvAttributes;
import org.vtpm.tpm.types.NvPublic;
import org.vtpm.tpm.types.Su;
import org.vtpm.tpm.wire.Tpm2b;

/**
 * vTPMs run inside the server: started from state bytes, used through the virtual connection
 * definition and by tpm2-tools over their socket, stopped handing back state that brings them
 * back, and every durable change delivered to the application before the command is answered.
 */
@ExtendWith(ArquillianExtension.class)
class VtpmHostingIT {

    /** As configured by wildfly-config/cli/configure-resource-adapter.cli. */
    private static final int VIRTUAL_MAX_POOL_SIZE = 64;
    private static final long BLOCKING_TIMEOUT_MILLIS = 5000;

    private static final Handle NV_INDEX = new Handle(0x01500020);
    private static final byte[] NV_DATA = "kept across stop and start".getBytes(StandardCharsets.US_ASCII);

    @Deployment(name = "application", order = 1, testable = false)
    static EnterpriseArchive application() {
        return Deployments.application();
    }

    @Deployment(name = "probe", order = 2)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "hosting-probe.war")
                .addClasses(VtpmHostingIT.class, VirtualTpmProbe.class, Api.class, Api.Reply.class)
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: deployment.vtpm.ear\n"));
    }

    @Test
    @OperateOnDeployment("probe")
    void aVtpmKeepsItsNvAcrossStopAndStartFromTheStateItHandedBack() throws Exception {
        VtpmHost host = InitialContext.doLookup("java:/eis/tpm/host");
        String id = newId();
        host.start(id, VtpmState.fresh());
        try (TpmConnection vtpm = virtual(id)) {
            vtpm.execute(new Startup(Su.CLEAR));
            defineAndWrite(vtpm);
        }
        VtpmState last = host.stop(id);
        assertFalse(host.isRunning(id));
        assertFalse(last.isFresh());
        assertTrue(last.volatileState().isEmpty());

        host.start(id, last);
        try (TpmConnection vtpm = virtual(id)) {
            vtpm.execute(new Startup(Su.CLEAR));
            assertArrayEquals(NV_DATA, read(vtpm));
        } finally {
            host.stop(id);
        }
    }

    @Test
    @OperateOnDeployment("probe")
    void durableChangesReachTheListenerBeforeTheCommandIsAnswered() throws Exception {
        VtpmHost host = InitialContext.doLookup("java:/eis/tpm/host");
        String id = newId();
        host.start(id, VtpmState.fresh());
        try (TpmConnection vtpm = virtual(id)) {
            vtpm.execute(new Startup(Su.CLEAR));
            long before = permanentVersions(id);
            vtpm.execute(new NvDefineSpace(Handle.RH_OWNER, Auth.EMPTY, Tpm2b.of(nvPublic())),
                    PasswordSession.empty());
            // no waiting: the version must be committed by the time the response came back
            assertTrue(permanentVersions(id) > before, "NV_DefineSpace was answered before its state was stored");
        } finally {
            host.stop(id);
        }
    }

    @Test
    @OperateOnDeployment("probe")
    void tpm2ToolsUseAnExposedVtpmAndThePortClosesWhenItStops() throws Exception {
        VtpmHost host = InitialContext.doLookup("java:/eis/tpm/host");
        String id = newId();
        host.start(id, VtpmState.fresh());
        VtpmEndpoint endpoint;
        try {
            endpoint = host.expose(id, VtpmEndpoint.Protocol.SWTPM);
            assertEquals(endpoint.port() + 1, endpoint.controlPort());
            String tcti = "swtpm:host=" + endpoint.host() + ",port=" + endpoint.port();
            tpm2(tcti, "tpm2_startup", "-c");
            String random = tpm2(tcti, "tpm2_getrandom", "--hex", "16");
            assertEquals(32, random.trim().length(), random);
            tpm2(tcti, "tpm2_pcrextend", "16:sha256=" + "ab".repeat(32));
            String pcr = tpm2(tcti, "tpm2_pcrread", "sha256:16");
            // PCR16 = SHA-256(zeros || 0xabab...): computed independently of the TPM
            String expected = HexFormat.of().formatHex(org.vtpm.tpm.crypto.HashAlgorithm.SHA256.hash(
                    new byte[32], HexFormat.of().parseHex("ab".repeat(32)))).toUpperCase();
            assertTrue(pcr.contains(expected), pcr);
        } finally {
            host.stop(id);
        }
        // Binding proves nothing listens any more (a connect could meet Linux's self-connect
        // quirk); SO_REUSEADDR lets the bind pass the closed connections still in TIME_WAIT.
        for (int port : new int[] {endpoint.port(), endpoint.controlPort()}) {
            assertTrue(releasedWithin(endpoint.host(), port, 10), "port " + port + " still taken after the stop");
        }
        assertTrue(endpoint.port() >= 30000 && endpoint.controlPort() <= 32759, "outside the configured range");
    }

    @Test
    @OperateOnDeployment("probe")
    void aRunningVtpmCannotStartTwiceAndAStoppedOneIsNotReachable() throws Exception {
        VtpmHost host = InitialContext.doLookup("java:/eis/tpm/host");
        String id = newId();
        host.start(id, VtpmState.fresh());
        try {
            TpmResourceException twice = assertThrows(TpmResourceException.class,
                    () -> host.start(id, VtpmState.fresh()));
            assertTrue(twice.getMessage().contains("already running"), twice.getMessage());
        } finally {
            host.stop(id);
        }
        TpmResourceException gone = assertThrows(TpmResourceException.class, () -> {
            try (TpmConnection vtpm = virtual(id)) {
                vtpm.getRandom(1);
            }
        });
        assertTrue(gone.getMessage().contains(id), gone.getMessage());
    }

    @Test
    @OperateOnDeployment("probe")
    void thirtyTwoThreadsOnEightVtpmsGetOnlyTheirOwnAnswers() throws Exception {
        VtpmHost host = InitialContext.doLookup("java:/eis/tpm/host");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String id = newId();
            host.start(id, VtpmState.fresh());
            ids.add(id);
            try (TpmConnection vtpm = virtual(id)) {
                vtpm.execute(new Startup(Su.CLEAR));
            }
        }
        ExecutorService threads = Executors.newFixedThreadPool(32);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int thread = 0; thread < 32; thread++) {
                String id = ids.get(thread % ids.size());
                int size = 1 + thread;
                results.add(threads.submit(() -> {
                    int answered = 0;
                    for (int batch = 0; batch < 10; batch++) {
                        try (TpmConnection vtpm = virtual(id)) {
                            for (int i = 0; i < 50; i++) {
                                assertEquals(size, vtpm.getRandom(size).length);
                                answered++;
                            }
                        }
                    }
                    return answered;
                }));
            }
            for (Future<Integer> result : results) {
                assertEquals(500, result.get(5, TimeUnit.MINUTES));
            }
        } finally {
            threads.shutdownNow();
            for (String id : ids) {
                host.stop(id);
            }
        }
    }

    @Test
    @OperateOnDeployment("probe")
    void anEjbWithTheVirtualDefinitionInjectedDrivesAVtpm() throws Exception {
        VtpmHost host = InitialContext.doLookup("java:/eis/tpm/host");
        VirtualTpmProbe probe = InitialContext.doLookup("java:module/VirtualTpmProbe");
        String id = newId();
        host.start(id, VtpmState.fresh());
        try {
            try (TpmConnection vtpm = virtual(id)) {
                vtpm.execute(new Startup(Su.CLEAR));
            }
            assertEquals(24, probe.random(id, 24).length);
        } finally {
            host.stop(id);
        }
    }

    @Test
    @OperateOnDeployment("probe")
    void volatileStateIsWrittenBehindWithoutAnyCommandAskingForIt() throws Exception {
        VtpmHost host = InitialContext.doLookup("java:/eis/tpm/host");
        String id = newId();
        host.start(id, VtpmState.fresh());
        try {
            try (TpmConnection vtpm = virtual(id)) {
                vtpm.execute(new Startup(Su.CLEAR));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (versions(id, "VOLATILE") == 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(versions(id, "VOLATILE") > 0, "no volatile state was written behind");
        } finally {
            host.stop(id);
        }
    }

    @Test
    @OperateOnDeployment("probe")
    void anExhaustedVirtualPoolMakesABorrowerWaitTheBlockingTimeoutAndNoLonger() throws Exception {
        VtpmHost host = InitialContext.doLookup("java:/eis/tpm/host");
        List<String> ids = new ArrayList<>();
        List<TpmConnection> held = new ArrayList<>();
        try {
            for (int i = 0; i <= VIRTUAL_MAX_POOL_SIZE; i++) {
                String id = newId();
                host.start(id, VtpmState.fresh());
                ids.add(id);
            }
            for (int i = 0; i < VIRTUAL_MAX_POOL_SIZE; i++) {
                held.add(virtual(ids.get(i)));
            }
            long start = System.nanoTime();
            TpmResourceException refused = assertThrows(TpmResourceException.class,
                    () -> virtual(ids.get(VIRTUAL_MAX_POOL_SIZE)));
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(waitedMillis >= BLOCKING_TIMEOUT_MILLIS - 500 && waitedMillis < 2 * BLOCKING_TIMEOUT_MILLIS,
                    "waited " + waitedMillis + " ms: " + refused.getMessage());
        } finally {
            for (TpmConnection connection : held) {
                connection.close();
            }
            for (String id : ids) {
                host.stop(id);
            }
        }
    }

    private static boolean releasedWithin(String host, int port, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            try (ServerSocket released = new ServerSocket()) {
                released.setReuseAddress(true);
                released.bind(new InetSocketAddress(InetAddress.getByName(host), port), 1);
                return true;
            } catch (java.net.BindException e) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(100);
            }
        }
    }

    private static TpmConnection virtual(String id) throws Exception {
        TpmConnectionFactory vtpms = InitialContext.doLookup("java:/eis/tpm/virtual");
        return vtpms.getConnection(TpmTarget.virtual(id));
    }

    private static NvPublic nvPublic() {
        return new NvPublic(NV_INDEX, AlgId.SHA256,
                NvAttributes.of(NvAttributes.OWNERWRITE, NvAttributes.OWNERREAD, NvAttributes.NO_DA),
                Digest.EMPTY, NV_DATA.length);
    }

    private static void defineAndWrite(TpmConnection vtpm) throws TpmResourceException {
        vtpm.execute(new NvDefineSpace(Handle.RH_OWNER, Auth.EMPTY, Tpm2b.of(nvPublic())), PasswordSession.empty());
        vtpm.execute(new NvWrite(Handle.RH_OWNER, NV_INDEX, new MaxNvBuffer(NV_DATA), 0), PasswordSession.empty());
    }

    private static byte[] read(TpmConnection vtpm) throws TpmResourceException {
        return vtpm.execute(new NvRead(Handle.RH_OWNER, NV_INDEX, NV_DATA.length, 0), PasswordSession.empty())
                .data().buffer();
    }

    private static long permanentVersions(String id) throws Exception {
        return versions(id, "PERMANENT");
    }

    /** The versions of a part the manager stored (the state listener advances them). */
    private static long versions(String id, String part) throws Exception {
        DataSource database = InitialContext.doLookup("java:jboss/datasources/VtpmDS");
        try (Connection connection = database.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT " + part.toLowerCase(java.util.Locale.ROOT) + "_version FROM vtpm_key WHERE vtpm_id = ?")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String tpm2(String tcti, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TPM2TOOLS_TCTI", tcti);
        Process process = builder.start();
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + output);
            return output;
        } finally {
            process.destroyForcibly();
        }
    }

    /**
     * A vTPM the manager keeps (its listener refuses the state of any other), driven here below
     * the lifecycle, straight through the adapter.
     */
    private static String newId() throws Exception {
        Api.Reply created = Api.asAdmin().postJson("/api/v1/vtpms", "{\"name\":\"it-" + UUID.randomUUID() + "\"}");
        assertEquals(201, created.status(), created.toString());
        return created.object().getString("id");
    }
}
