package org.vtpm.tpm.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TpmRcTest {

    @Test
    void parameterNumberIsEncodedAsInPart2() {
        TpmRc rc = TpmRc.VALUE.withParameter(2);
        assertEquals(0x084 + 0x040 + 0x200, rc.value());
        assertEquals(2, rc.parameter());
        assertEquals(0, rc.handle());
        assertEquals(0, rc.session());
        assertEquals(TpmRc.VALUE, rc.base());
        assertEquals("TPM_RC_VALUE (parameter 2)", rc.toString());
    }

    @Test
    void handleAndSessionNumbers() {
        TpmRc handle = TpmRc.HANDLE.withHandle(1);
        assertEquals(0x18B, handle.value());
        assertEquals(1, handle.handle());
        assertEquals("TPM_RC_HANDLE (handle 1)", handle.toString());

        TpmRc session = TpmRc.AUTH_FAIL.withSession(1);
        assertEquals(0x98E, session.value());
        assertEquals(1, session.session());
        assertEquals(0, session.handle());
        assertEquals("TPM_RC_AUTH_FAIL (session 1)", session.toString());
    }

    @Test
    void decodesCodesSeenFromRealTpms() {
        assertEquals("TPM_RC_SIZE (parameter 1)", new TpmRc(0x1D5).toString());
        assertEquals("TPM_RC_BAD_AUTH (session 1)", new TpmRc(0x9A2).toString());
        assertEquals("TPM_RC_INITIALIZE", new TpmRc(0x100).toString());
        assertEquals("TPM_RC_LOCKOUT", new TpmRc(0x921).toString());
        assertTrue(new TpmRc(0x921).isWarning());
        assertFalse(TpmRc.INITIALIZE.isWarning());
        assertFalse(TpmRc.INITIALIZE.isFormat1());
    }

    @Test
    void theFirstLocationWins() {
        TpmRc located = TpmRc.SIZE.withParameter(3);
        assertEquals(located, located.withParameter(1));
        assertEquals(located, located.withSession(2));
    }

    @Test
    void format0CodesCarryNoLocation() {
        assertSame(TpmRc.COMMAND_CODE, TpmRc.COMMAND_CODE.withParameter(1));
        assertEquals(TpmRc.COMMAND_CODE, TpmRc.COMMAND_CODE.base());
    }

    @Test
    void unknownAndLayeredCodesPrintInHex() {
        assertEquals("TPM_RC_0x9000A", new TpmRc(0x9000A).name());
        assertFalse(new TpmRc(0x9000A).isFormat1());
        assertEquals("TPM_RC_0x17F", new TpmRc(0x17F).name());
    }

    @Test
    void positionsOutsideTheirRangeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TpmRc.VALUE.withParameter(16));
        assertThrows(IllegalArgumentException.class, () -> TpmRc.VALUE.withHandle(8));
        assertThrows(IllegalArgumentException.class, () -> TpmRc.VALUE.withSession(0));
    }
}
