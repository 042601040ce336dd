package org.vtpm.rar.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAllocationException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vtpm.rar.api.TpmConnection;
import org.vtpm.rar.api.TpmResourceException;
import org.vtpm.rar.api.TpmTarget;
import org.vtpm.rar.api.TpmUnavailableException;
import org.vtpm.tpm.client.PasswordSession;
import org.vtpm.tpm.command.CreatePrimary;
import org.vtpm.tpm.command.GetCapability;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Cap;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.HandleList;
import org.vtpm.tpm.types.Hc;
import org.vtpm.tpm.types.KeyedHashParms;
import org.vtpm.tpm.types.KeyedHashScheme;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.SchemeHash;
import org.vtpm.tpm.types.SensitiveCreate;
import org.vtpm.tpm.wire.Tpm2b;
import org.vtpm.tpm.transport.swtpm.SwtpmProcess;

/** The outbound side without a container, against a real swtpm. */
class TpmManagedConnectionFactoryTest {

    private SwtpmProcess swtpm;
    private TpmManagedConnectionFactory factory;
    private final List<ConnectionEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startTpm() throws Exception {
        swtpm = SwtpmProcess.start();
        factory = new TpmManagedConnectionFactory();
        factory.setBackend("tcp");
        factory.setHost("127.0.0.1");
        factory.setPort(swtpm.dataPort());
        factory.setLeaseTimeoutMillis(300);
    }

    @AfterEach
    void stopTpm() throws Exception {
        swtpm.close();
    }

    @Test
    void aConnectionRunsTypedCommands() throws Exception {
        TpmManagedConnection managed = connect();
        try (TpmConnection tpm = handle(managed)) {
            assertEquals(32, tpm.getRandom(32).length);
            assertEquals(TpmTarget.defaultPhysical(), tpm.target());
            assertTrue(tpm.backendDescription().contains("127.0.0.1:" + swtpm.dataPort()));
        }
        managed.cleanup();
        managed.destroy();
    }

    @Test
    void cleanupFlushesWhatTheBorrowerLeftLoaded() throws Exception {
        TpmManagedConnection managed = connect();
        try (TpmConnection tpm = handle(managed)) {
            tpm.execute(keyedHashPrimary(), PasswordSession.empty());
            assertEquals(1, transients(tpm).size());
        }
        managed.cleanup();
        try (TpmConnection next = handle(managed)) {
            assertEquals(List.of(), transients(next));
        }
    }

    @Test
    void aSecondBorrowerWaitsForTheLeaseThenGivesUpWithAClearError() throws Exception {
        TpmManagedConnection first = connect();
        TpmManagedConnection second = connect();
        TpmConnection held = handle(first);
        TpmResourceException refused = assertThrows(TpmResourceException.class, () -> handle(second));
        assertTrue(refused.getMessage().contains("in use by another borrower"), refused.getMessage());

        held.close();
        first.cleanup();
        try (TpmConnection now = handle(second)) {
            assertEquals(4, now.getRandom(4).length);
        }
    }

    @Test
    void matchingTakesOnlyUsableConnectionsToTheSameTarget() throws Exception {
        TpmManagedConnection managed = connect();
        TpmConnectionRequest same = new TpmConnectionRequest(TpmTarget.defaultPhysical());
        TpmConnectionRequest other = new TpmConnectionRequest(TpmTarget.physical("other"));

        assertSame(managed, factory.matchManagedConnections(Set.of(managed), null, same));
        assertNull(factory.matchManagedConnections(Set.of(managed), null, other));
    }

    @Test
    void aDeadTpmBreaksTheConnectionAndTellsThePool() throws Exception {
        TpmManagedConnection managed = connect();
        TpmConnection tpm = handle(managed);
        swtpm.close();

        assertThrows(TpmUnavailableException.class, () -> tpm.getRandom(8));
        assertEquals(1, events.size());
        assertEquals(ConnectionEvent.CONNECTION_ERROR_OCCURRED, events.get(0).getId());
        assertFalse(managed.isUsable());
        assertEquals(Set.of(managed), factory.getInvalidConnections(Set.of(managed)));
    }

    @Test
    void validationFindsATpmThatDiedWhileIdle() throws Exception {
        TpmManagedConnection managed = connect();
        assertEquals(Set.of(), factory.getInvalidConnections(Set.of(managed)));
        swtpm.close();
        assertEquals(Set.of(managed), factory.getInvalidConnections(Set.of(managed)));
    }

    @Test
    void anUnreachableTpmIsAClearResourceError() throws Exception {
        swtpm.close();
        TpmUnavailableException unreachable = assertThrows(TpmUnavailableException.class, this::connectAndUse);
        assertTrue(unreachable.getMessage().contains("physical:default"), unreachable.getMessage());
    }

    @Test
    void misconfigurationIsNamed() {
        TpmManagedConnectionFactory wrong = new TpmManagedConnectionFactory();
        wrong.setBackend("floppy");
        InvalidPropertyException backend = assertThrows(InvalidPropertyException.class,
                () -> wrong.createManagedConnection(null, null));
        assertTrue(backend.getMessage().contains("floppy"));

        wrong.setBackend("tcp");
        wrong.setProtocol("carrier-pigeon");
        assertThrows(InvalidPropertyException.class, () -> wrong.createManagedConnection(null, null));

        TpmManagedConnectionFactory standIn = new TpmManagedConnectionFactory();
        standIn.setBackend("swtpm");
        InvalidPropertyException noState = assertThrows(InvalidPropertyException.class,
                () -> standIn.createManagedConnection(null, null));
        assertTrue(noState.getMessage().contains("StateDirectory"));
    }

    @Test
    void aPhysicalBackendDoesNotServeVirtualTargets() {
        assertThrows(ResourceAllocationException.class, () -> factory.createManagedConnection(null,
                new TpmConnectionRequest(TpmTarget.virtual("9f1c"))));
    }

    @Test
    void aMissingDeviceIsAClearError() {
        TpmManagedConnectionFactory device = new TpmManagedConnectionFactory();
        device.setBackend("device");
        device.setDevice("/dev/no-such-tpm");
        TpmUnavailableException missing = assertThrows(TpmUnavailableException.class,
                () -> device.createManagedConnection(null, null));
        assertTrue(missing.getMessage().contains("/dev/no-such-tpm"), missing.getMessage());
        assertEquals(Duration.ofMillis(5000), device.leaseTimeout());
    }

    private void connectAndUse() throws Exception {
        try (TpmConnection tpm = handle(connect())) {
            tpm.getRandom(1);
        }
    }

    private TpmManagedConnection connect() throws Exception {
        TpmManagedConnection managed = (TpmManagedConnection) factory.createManagedConnection(null, null);
        managed.addConnectionEventListener(new ConnectionEventListener() {
            @Override
            public void connectionClosed(ConnectionEvent event) {
            }

            @Override
            public void localTransactionStarted(ConnectionEvent event) {
            }

            @Override
            public void localTransactionCommitted(ConnectionEvent event) {
            }

            @Override
            public void localTransactionRolledback(ConnectionEvent event) {
            }

            @Override
            public void connectionErrorOccurred(ConnectionEvent event) {
                events.add(event);
            }
        });
        return managed;
    }

    private static TpmConnection handle(TpmManagedConnection managed) throws Exception {
        return (TpmConnection) managed.getConnection(null, null);
    }

    private static List<Handle> transients(TpmConnection tpm) throws TpmResourceException {
        return ((HandleList) tpm.execute(new GetCapability(Cap.HANDLES, Hc.TRANSIENT_FIRST, 16))
                .capabilityData().data()).handles();
    }

    /** A keyed-hash primary: cheap to derive, so the test measures the adapter, not RSA key search. */
    private static CreatePrimary keyedHashPrimary() {
        Public template = new Public(AlgId.KEYEDHASH, AlgId.SHA256,
                ObjectAttributes.of(ObjectAttributes.FIXED_TPM, ObjectAttributes.FIXED_PARENT,
                        ObjectAttributes.SENSITIVE_DATA_ORIGIN, ObjectAttributes.USER_WITH_AUTH,
                        ObjectAttributes.SIGN_ENCRYPT),
                Digest.EMPTY, new KeyedHashParms(new KeyedHashScheme(AlgId.HMAC, new SchemeHash(AlgId.SHA256))), Digest.EMPTY);
        return new CreatePrimary(Handle.RH_OWNER, Tpm2b.of(SensitiveCreate.EMPTY), Tpm2b.of(template), Data.EMPTY,
                PcrSelectionList.EMPTY);
    }
}
