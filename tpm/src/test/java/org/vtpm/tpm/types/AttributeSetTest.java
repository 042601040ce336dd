package org.vtpm.tpm.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AttributeSetTest {

    @Test
    void ofUnitesTheBitsAndNothingElse() {
        assertEquals(new ObjectAttributes(0x0003_0002),
                ObjectAttributes.of(ObjectAttributes.FIXED_TPM, ObjectAttributes.RESTRICTED, ObjectAttributes.DECRYPT));
        assertEquals(NvAttributes.NONE, NvAttributes.of());
    }

    @Test
    void hasNeedsEveryBit() {
        SessionAttributes set = SessionAttributes.of(SessionAttributes.CONTINUE_SESSION, SessionAttributes.DECRYPT);
        assertTrue(set.has(SessionAttributes.DECRYPT));
        assertTrue(set.has(SessionAttributes.NONE));
        assertFalse(set.has(SessionAttributes.of(SessionAttributes.DECRYPT, SessionAttributes.ENCRYPT)));
    }

    @Test
    void withAndWithoutKeepTheOtherBits() {
        LocalityAttributes set = LocalityAttributes.of(LocalityAttributes.LOC_ZERO, LocalityAttributes.LOC_THREE);
        assertEquals(new LocalityAttributes(0x19), set.with(LocalityAttributes.LOC_FOUR));
        assertEquals(LocalityAttributes.LOC_THREE, set.without(LocalityAttributes.LOC_ZERO));
        assertEquals(set, set.without(LocalityAttributes.LOC_ONE));
    }

    @Test
    void printsNamedBitsInOrderAndTheRestInHex() {
        assertEquals("TPMA_SESSION[CONTINUE_SESSION|ENCRYPT|0x18]", new SessionAttributes(0x59).toString());
        assertEquals("TPMA_NV[AUTHWRITE|AUTHREAD|READ_STCLEAR]",
                NvAttributes.of(NvAttributes.READ_STCLEAR, NvAttributes.AUTHREAD, NvAttributes.AUTHWRITE).toString());
        assertEquals("TPMA_CC[0x1ff]", new CcAttributes(0x1FF).toString());
        assertEquals("TPMA_ACT[]", ActAttributes.NONE.toString());
    }
}
