package org.vtpm.tpm.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class TpmReaderWriterTest {

    @Test
    void writesBigEndian() {
        byte[] bytes = new TpmWriter(1).writeU8(0x80).writeU16(0x0102).writeU32(0xA0B0C0D0)
                .writeU64(0x0102030405060708L).toByteArray();
        assertEquals("800102a0b0c0d00102030405060708", HexFormat.of().formatHex(bytes));
    }

    @Test
    void readsWhatWasWritten() throws TpmFormatException {
        TpmReader in = new TpmReader(HexFormat.of().parseHex("800102a0b0c0d0ffffffffffffffff"));
        assertEquals(0x80, in.readU8());
        assertEquals(0x0102, in.readU16());
        assertEquals(0xA0B0C0D0, in.readU32());
        assertEquals(-1L, in.readU64());
        in.requireEnd();
    }

    @Test
    void truncationIsInsufficient() {
        TpmReader in = new TpmReader(new byte[3]);
        TpmFormatException e = assertThrows(TpmFormatException.class, in::readU32);
        assertEquals(TpmRc.INSUFFICIENT, e.rc());
        assertEquals(3, in.remaining());
    }

    @Test
    void aHugeLengthIsRefusedBeforeAllocating() {
        TpmReader in = new TpmReader(new byte[4]);
        assertEquals(TpmRc.INSUFFICIENT, assertThrows(TpmFormatException.class, () -> in.readBytes(0x7FFF_FFFF)).rc());
        assertEquals(TpmRc.INSUFFICIENT, assertThrows(TpmFormatException.class, () -> in.readBytes(-1)).rc());
    }

    @Test
    void slicesAreBoundedAndAdvanceTheParent() throws TpmFormatException {
        TpmReader in = new TpmReader(new byte[] {1, 2, 3, 4});
        TpmReader slice = in.slice(2);
        assertEquals(2, in.remaining());
        assertEquals(0x0102, slice.readU16());
        assertEquals(TpmRc.INSUFFICIENT, assertThrows(TpmFormatException.class, slice::readU8).rc());
        assertEquals(3, in.readU8());
    }

    @Test
    void trailingBytesAreSize() {
        TpmReader in = new TpmReader(new byte[1]);
        assertEquals(TpmRc.SIZE, assertThrows(TpmFormatException.class, in::requireEnd).rc());
    }

    @Test
    void patchesSizeFields() {
        TpmWriter out = new TpmWriter();
        out.writeU16(0).writeU32(7);
        out.patchU16(0, 0xBEEF);
        assertArrayEquals(HexFormat.of().parseHex("beef00000007"), out.toByteArray());
        assertThrows(IndexOutOfBoundsException.class, () -> out.patchU32(4, 1));
    }
}
