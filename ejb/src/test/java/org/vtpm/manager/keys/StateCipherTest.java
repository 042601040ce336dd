package org.vtpm.manager.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class StateCipherTest {

    private static final String VTPM = "4f6c1e0a-vtpm";
    private static final String PART = "permanent";
    private static final byte[] STATE = "NV index 0x01500001 = secret".getBytes(StandardCharsets.UTF_8);

    private final DataKey key = DataKey.generate();

    @Test
    void decryptsWhatItEncryptedUnderTheSameBinding() throws Exception {
        byte[] sealed = StateCipher.encrypt(key, VTPM, PART, 7, STATE);
        assertEquals(STATE.length + AesGcm.OVERHEAD, sealed.length);
        assertArrayEquals(STATE, StateCipher.decrypt(key, VTPM, PART, 7, sealed));
        assertArrayEquals(new byte[0], StateCipher.decrypt(key, VTPM, PART, 0,
                StateCipher.encrypt(key, VTPM, PART, 0, new byte[0])));
    }

    @Test
    void eachEncryptionDrawsAFreshNonce() {
        byte[] first = StateCipher.encrypt(key, VTPM, PART, 1, STATE);
        byte[] second = StateCipher.encrypt(key, VTPM, PART, 1, STATE);
        assertFalse(Arrays.equals(Arrays.copyOfRange(first, 1, 13), Arrays.copyOfRange(second, 1, 13)));
        assertFalse(Arrays.equals(first, second));
    }

    @Test
    void everyFlippedBitIsRefused() {
        byte[] sealed = StateCipher.encrypt(key, VTPM, PART, 3, STATE);
        for (int bit = 0; bit < 8 * sealed.length; bit++) {
            byte[] flipped = sealed.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThrows(StateIntegrityException.class, () -> StateCipher.decrypt(key, VTPM, PART, 3, flipped),
                    "bit " + bit);
        }
    }

    @Test
    void anOlderOrNewerVersionIsRefused() {
        byte[] version4 = StateCipher.encrypt(key, VTPM, PART, 4, STATE);
        StateIntegrityException stale = assertThrows(StateIntegrityException.class,
                () -> StateCipher.decrypt(key, VTPM, PART, 5, version4));
        assertTrue(stale.getMessage().contains(VTPM) && stale.getMessage().contains("version 5"), stale.getMessage());
        assertThrows(StateIntegrityException.class, () -> StateCipher.decrypt(key, VTPM, PART, 3, version4));
    }

    @Test
    void anotherVtpmOrPartOrKeyIsRefused() {
        byte[] sealed = StateCipher.encrypt(key, VTPM, PART, 4, STATE);
        assertThrows(StateIntegrityException.class, () -> StateCipher.decrypt(key, "other-vtpm", PART, 4, sealed));
        assertThrows(StateIntegrityException.class, () -> StateCipher.decrypt(key, VTPM, "volatile", 4, sealed));
        assertThrows(StateIntegrityException.class,
                () -> StateCipher.decrypt(DataKey.generate(), VTPM, PART, 4, sealed));
    }

    @Test
    void fieldsAreLengthPrefixedSoShiftingABoundaryDoesNotAuthenticate() {
        byte[] sealed = StateCipher.encrypt(key, "ab", "c", 1, STATE);
        assertThrows(StateIntegrityException.class, () -> StateCipher.decrypt(key, "a", "bc", 1, sealed));
    }

    @Test
    void truncatedOrForeignFormatBlobsAreRefusedAsIntegrityFailures() {
        byte[] sealed = StateCipher.encrypt(key, VTPM, PART, 1, STATE);
        for (int length = 0; length < sealed.length; length++) {
            byte[] cut = Arrays.copyOf(sealed, length);
            assertThrows(StateIntegrityException.class, () -> StateCipher.decrypt(key, VTPM, PART, 1, cut));
        }
        byte[] otherFormat = sealed.clone();
        otherFormat[0] = 2;
        assertThrows(StateIntegrityException.class, () -> StateCipher.decrypt(key, VTPM, PART, 1, otherFormat));
    }

    @Test
    void messagesAndNamesCarryNoBytes() throws Exception {
        byte[] sealed = StateCipher.encrypt(key, VTPM, PART, 9, STATE);
        byte[] flipped = sealed.clone();
        flipped[20] ^= 1;
        String message = assertThrows(StateIntegrityException.class,
                () -> StateCipher.decrypt(key, VTPM, PART, 9, flipped)).getMessage();
        String keyHex = HexFormat.of().formatHex(key.material());
        for (String text : new String[] {message, key.toString()}) {
            assertFalse(text.toLowerCase().contains(keyHex.substring(0, 16)), text);
            assertFalse(text.contains(new String(STATE, StandardCharsets.UTF_8)), text);
            assertFalse(text.toLowerCase().contains(HexFormat.of().formatHex(sealed, 13, 21)), text);
        }
        assertEquals("DataKey[AES-256]", key.toString());
    }

    @Test
    void aDestroyedKeyCannotBeUsed() {
        DataKey doomed = DataKey.generate();
        byte[] sealed = StateCipher.encrypt(doomed, VTPM, PART, 1, STATE);
        byte[] inMemory = doomed.material();
        doomed.destroy();
        assertTrue(doomed.isDestroyed());
        assertArrayEquals(new byte[AesGcm.KEY_BYTES], inMemory);
        assertThrows(IllegalStateException.class, () -> StateCipher.decrypt(doomed, VTPM, PART, 1, sealed));
        assertThrows(IllegalStateException.class, () -> StateCipher.encrypt(doomed, VTPM, PART, 1, STATE));
        assertEquals("DataKey[AES-256, destroyed]", doomed.toString());
    }

    @Test
    void negativeVersionsAndEmptyIdsAreCallerErrors() {
        assertThrows(IllegalArgumentException.class, () -> StateCipher.encrypt(key, VTPM, PART, -1, STATE));
        assertThrows(IllegalArgumentException.class, () -> StateCipher.encrypt(key, "", PART, 1, STATE));
    }
}
