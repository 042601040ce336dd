package org.vtpm.tpm.attest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Arrays;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmRc;

class BindingStatementTest {

    private static final Name VTPM_AK = new Name(withAlg(HashAlgorithm.SHA256.hash(new byte[] {1})));
    private static final Name HOST_AK = new Name(withAlg(HashAlgorithm.SHA256.hash(new byte[] {2})));
    private static final BindingStatement STATEMENT = new BindingStatement("vtpm-ä", "host-1", VTPM_AK, HOST_AK,
            Instant.parse("2026-01-01T00:00:00.123Z"));

    private static byte[] withAlg(byte[] digest) {
        byte[] name = new byte[digest.length + 2];
        name[1] = 0x0B;
        System.arraycopy(digest, 0, name, 2, digest.length);
        return name;
    }

    @Test
    void itRoundTripsThroughItsCanonicalEncoding() throws Exception {
        byte[] encoded = STATEMENT.encode();

        assertEquals(STATEMENT, BindingStatement.decode(encoded));
        assertArrayEquals(new byte[] {0x76, 0x42, 0x4E, 0x44, 0, 1}, Arrays.copyOf(encoded, 6));
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] encoded = Arrays.copyOf(STATEMENT.encode(), STATEMENT.encode().length + 1);

        assertThrows(TpmFormatException.class, () -> BindingStatement.decode(encoded));
    }

    @Test
    void anIdThatIsNotUtf8IsRejected() {
        byte[] encoded = STATEMENT.encode();
        encoded[8] = (byte) 0xFF;

        TpmFormatException e = assertThrows(TpmFormatException.class, () -> BindingStatement.decode(encoded));
        assertEquals(TpmRc.VALUE, e.rc());
    }

    @Property(tries = 300)
    void arbitraryBytesNeverThrowUnchecked(@ForAll @Size(max = 300) byte[] bytes) {
        try {
            BindingStatement.decode(bytes);
        } catch (TpmFormatException expected) {
            // Typed rejection is the outcome for nearly every input.
        }
    }

    @Property(tries = 300)
    void aCorruptedStatementIsRejectedOrReadsBackCanonically(@ForAll @IntRange(min = 0, max = 200) int position,
            @ForAll @IntRange(min = 1, max = 255) int flip) {
        byte[] encoded = STATEMENT.encode();
        encoded[position % encoded.length] ^= (byte) flip;
        try {
            assertArrayEquals(encoded, BindingStatement.decode(encoded).encode());
        } catch (TpmFormatException expected) {
            // A flip in a size, the magic or the version, or one that breaks UTF-8.
        }
    }
}
