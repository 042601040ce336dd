package org.vtpm.manager.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.wire.Codecs;

/** Migration transport keys in two swtpm pTPMs: the target opens, nobody else does. */
class TransportKeyTest {

    private static final byte[] SECRET = "a vTPM's wrapped data key and state".getBytes(StandardCharsets.UTF_8);

    private static PhysicalTpm target;
    private static PhysicalTpm otherHost;
    private static TransportKeyBlob targetKey;

    @BeforeAll
    static void start() throws Exception {
        target = PhysicalTpm.start();
        otherHost = PhysicalTpm.start();
        targetKey = TransportKey.create(target.tpm);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (target != null) {
                target.close();
            }
        } finally {
            if (otherHost != null) {
                otherHost.close();
            }
        }
    }

    @AfterEach
    void leavesNothingLoaded() throws Exception {
        assertEquals(List.of(), List.copyOf(target.loaded()));
        assertEquals(List.of(), List.copyOf(otherHost.loaded()));
    }

    @Test
    void theTargetTpmOpensWhatWasSealedToItsPublicArea() throws Exception {
        assertTrue(targetKey.publicArea().objectAttributes().has(ObjectAttributes.FIXED_TPM));
        Public handedOut = Codecs.unmarshal(Public.class, targetKey.encodedPublicArea());
        byte[] sealed = TransportKey.sealTo(handedOut, SECRET);
        TransportKeyBlob stored = TransportKeyBlob.decode(targetKey.encoded());
        assertArrayEquals(SECRET, TransportKey.open(target.tpm, stored, sealed));
        assertArrayEquals(new byte[0], TransportKey.open(target.tpm, stored,
                TransportKey.sealTo(handedOut, new byte[0])));
    }

    @Test
    void eachSealingUsesAFreshEphemeralKey() {
        byte[] first = TransportKey.sealTo(targetKey.publicArea(), SECRET);
        byte[] second = TransportKey.sealTo(targetKey.publicArea(), SECRET);
        assertFalse(Arrays.equals(Arrays.copyOfRange(first, 0, 69), Arrays.copyOfRange(second, 0, 69)));
    }

    @Test
    void anotherHostsTransportKeyCannotOpenIt() throws Exception {
        TransportKeyBlob otherKey = TransportKey.create(otherHost.tpm);
        byte[] sealed = TransportKey.sealTo(targetKey.publicArea(), SECRET);
        KeyProtectionException e = assertThrows(KeyProtectionException.class,
                () -> TransportKey.open(otherHost.tpm, otherKey, sealed));
        assertTrue(e.getMessage().contains("does not authenticate"), e.getMessage());
    }

    @Test
    void theTransportKeyLoadsOnlyInItsOwnTpm() {
        byte[] sealed = TransportKey.sealTo(targetKey.publicArea(), SECRET);
        KeyProtectionException e = assertThrows(KeyProtectionException.class,
                () -> TransportKey.open(otherHost.tpm, targetKey, sealed));
        assertTrue(e.getMessage().contains("different physical TPM"), e.getMessage());
    }

    @Test
    void flippedBitsAndTruncationsAreTypedErrors() throws Exception {
        byte[] sealed = TransportKey.sealTo(targetKey.publicArea(), "k".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < sealed.length; i++) {
            byte[] flipped = sealed.clone();
            flipped[i] ^= 0x01;
            assertThrows(KeyProtectionException.class, () -> TransportKey.open(target.tpm, targetKey, flipped),
                    "byte " + i);
        }
        for (int length = 0; length < sealed.length; length += 5) {
            byte[] cut = Arrays.copyOf(sealed, length);
            assertThrows(KeyProtectionException.class, () -> TransportKey.open(target.tpm, targetKey, cut),
                    "length " + length);
        }
    }

    @Test
    void onlyTransportKeysAreSealedTo() throws Exception {
        CaKey ca = ManagerCa.create(target.tpm, "CN=not a transport key", Duration.ofDays(1));
        assertThrows(IllegalArgumentException.class, () -> TransportKey.sealTo(ca.publicArea(), SECRET));
        byte[] sealed = TransportKey.sealTo(targetKey.publicArea(), SECRET);
        assertThrows(KeyProtectionException.class, () -> TransportKey.open(target.tpm,
                new TransportKeyBlob(ca.publicArea(), ca.privateArea()), sealed));
    }

    @Test
    void theStoredFormIsStrictAndNamesNoBytes() {
        byte[] encoded = targetKey.encoded();
        for (int length = 0; length < encoded.length; length++) {
            byte[] cut = Arrays.copyOf(encoded, length);
            assertThrows(KeyProtectionException.class, () -> TransportKeyBlob.decode(cut), "length " + length);
        }
        assertFalse(targetKey.toString().matches(".*[0-9a-fA-F]{16}.*"), targetKey.toString());
    }
}
