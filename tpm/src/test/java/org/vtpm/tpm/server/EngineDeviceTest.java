package org.vtpm.tpm.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.transport.HandBuiltCommands;

/** The Java engine behind the platform: state written when the engine says NV may have changed, resume, hashing. */
class EngineDeviceTest {

    private static final byte[] SHUTDOWN_STATE = HexFormat.of().parseHex("80010000000c000001450001");
    private static final byte[] STARTUP_STATE = HexFormat.of().parseHex("80010000000c000001440001");

    @Test
    void onlyCommandsThatMayWriteNvReachTheStore() throws Exception {
        CountingStore store = new CountingStore();
        TpmPlatform platform = new TpmPlatform(new EngineDevice(new SecureRandom()), store);
        platform.init(false);
        assertEquals(1, store.permanentWrites, "a new TPM is stored at once");
        assertEquals(0, HandBuiltCommands.responseCode(platform.execute(HandBuiltCommands.startupClear())));
        int afterStartup = store.permanentWrites;
        for (int i = 0; i < 5; i++) {
            assertEquals(0, HandBuiltCommands.responseCode(platform.execute(HandBuiltCommands.getRandom8())));
            platform.execute(HandBuiltCommands.pcrReadSha256(0));
        }
        assertEquals(afterStartup, store.permanentWrites, "GetRandom and PCR_Read write no NV");
        assertEquals(0, HandBuiltCommands.responseCode(platform.execute(SHUTDOWN_STATE)));
        assertEquals(afterStartup + 1, store.permanentWrites, "TPM2_Shutdown does");
    }

    @Test
    void shutdownStateThenAPowerCycleResumesThePcrs() throws Exception {
        CountingStore store = new CountingStore();
        byte[] digest = HashAlgorithm.SHA256.hash(new byte[] {10});
        TpmPlatform first = new TpmPlatform(new EngineDevice(new SecureRandom()), store);
        first.init(false);
        first.execute(HandBuiltCommands.startupClear());
        assertEquals(0, HandBuiltCommands.responseCode(first.execute(HandBuiltCommands.pcrExtendSha256(10, digest))));
        byte[] before = HandBuiltCommands.pcrDigest(first.execute(HandBuiltCommands.pcrReadSha256(10)));
        first.execute(SHUTDOWN_STATE);
        first.close();

        TpmPlatform second = new TpmPlatform(new EngineDevice(new SecureRandom()), store);
        second.init(false);
        assertEquals(0, HandBuiltCommands.responseCode(second.execute(STARTUP_STATE)));
        assertArrayEquals(before, HandBuiltCommands.pcrDigest(second.execute(HandBuiltCommands.pcrReadSha256(10))));
    }

    @Test
    void aVolatileBlobResumesWithoutStartup() throws Exception {
        CountingStore store = new CountingStore();
        TpmPlatform platform = new TpmPlatform(new EngineDevice(new SecureRandom()), store);
        platform.init(false);
        platform.execute(HandBuiltCommands.startupClear());
        platform.execute(HandBuiltCommands.pcrExtendSha256(16, HashAlgorithm.SHA256.hash(new byte[] {16})));
        byte[] before = platform.execute(HandBuiltCommands.pcrReadSha256(16));
        platform.storeVolatile();
        platform.init(true);
        assertArrayEquals(before, platform.execute(HandBuiltCommands.pcrReadSha256(16)));
        assertFalse(store.parts.containsKey(StatePart.VOLATILE));
    }

    @Test
    void aMeasuredLaunchReachesTheEngine() throws Exception {
        TpmPlatform platform = new TpmPlatform(new EngineDevice(new SecureRandom()), new CountingStore());
        platform.init(false);
        platform.execute(HandBuiltCommands.startupClear());
        byte[] code = {1, 2, 3};
        platform.hashStart();
        platform.hashData(code);
        platform.hashEnd();
        assertTrue(platform.tpmEstablished());
        assertArrayEquals(HashAlgorithm.SHA256.hash(new byte[32], HashAlgorithm.SHA256.hash(code)),
                HandBuiltCommands.pcrDigest(platform.execute(HandBuiltCommands.pcrReadSha256(17))));
        platform.resetTpmEstablished(3);
        assertFalse(platform.tpmEstablished());
    }

    private static final class CountingStore implements StateStore {
        final Map<StatePart, byte[]> parts = new EnumMap<>(StatePart.class);
        int permanentWrites;

        @Override
        public Optional<byte[]> load(StatePart part) {
            return Optional.ofNullable(parts.get(part));
        }

        @Override
        public void store(StatePart part, byte[] state) {
            parts.put(part, state);
            if (part == StatePart.PERMANENT) {
                permanentWrites++;
            }
        }

        @Override
        public void delete(StatePart part) {
            parts.remove(part);
        }
    }
}
