package org.vtpm.manager.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class KekTest {

    private final Kek kek = Kek.adopt(AesGcm.randomKey());
    private final DataKey dataKey = DataKey.generate();

    @Test
    void unwrapsWhatItWrappedForTheSameVtpm() throws Exception {
        byte[] wrapped = kek.wrap(dataKey, "vtpm-1");
        assertEquals(AesGcm.KEY_BYTES + AesGcm.OVERHEAD, wrapped.length);
        DataKey unwrapped = kek.unwrap(wrapped, "vtpm-1");
        assertArrayEquals(dataKey.material(), unwrapped.material());
        byte[] state = StateCipher.encrypt(dataKey, "vtpm-1", "permanent", 1, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, StateCipher.decrypt(unwrapped, "vtpm-1", "permanent", 1, state));
    }

    @Test
    void aWrappedKeyMovedToAnotherVtpmIsRefused() {
        byte[] wrapped = kek.wrap(dataKey, "vtpm-1");
        StateIntegrityException e = assertThrows(StateIntegrityException.class, () -> kek.unwrap(wrapped, "vtpm-2"));
        assertTrue(e.getMessage().contains("vtpm-2"), e.getMessage());
    }

    @Test
    void anotherKekOrAFlippedBitIsRefused() {
        byte[] wrapped = kek.wrap(dataKey, "vtpm-1");
        assertThrows(StateIntegrityException.class, () -> Kek.adopt(AesGcm.randomKey()).unwrap(wrapped, "vtpm-1"));
        for (int bit = 0; bit < 8 * wrapped.length; bit++) {
            byte[] flipped = wrapped.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThrows(StateIntegrityException.class, () -> kek.unwrap(flipped, "vtpm-1"), "bit " + bit);
        }
    }

    @Test
    void aStateBlobIsNotAWrappedKey() {
        byte[] state = StateCipher.encrypt(dataKey, "vtpm-1", "permanent", 0, new byte[AesGcm.KEY_BYTES]);
        assertThrows(StateIntegrityException.class, () -> kek.unwrap(state, "vtpm-1"));
    }

    @Test
    void namesAndMessagesCarryNoKeyBytes() {
        byte[] wrapped = kek.wrap(dataKey, "vtpm-1");
        String message = assertThrows(StateIntegrityException.class, () -> kek.unwrap(wrapped, "vtpm-2"))
                .getMessage();
        String dataKeyHex = HexFormat.of().formatHex(dataKey.material());
        for (String text : new String[] {message, kek.toString(), dataKey.toString()}) {
            assertFalse(text.toLowerCase().contains(dataKeyHex.substring(0, 12)), text);
        }
        assertEquals("Kek[AES-256]", kek.toString());
    }

    @Test
    void aDestroyedKekNeitherWrapsNorUnwraps() {
        Kek doomed = Kek.adopt(AesGcm.randomKey());
        byte[] wrapped = doomed.wrap(dataKey, "vtpm-1");
        doomed.destroy();
        assertTrue(doomed.isDestroyed());
        assertThrows(IllegalStateException.class, () -> doomed.wrap(dataKey, "vtpm-1"));
        assertThrows(IllegalStateException.class, () -> doomed.unwrap(wrapped, "vtpm-1"));
    }
}
