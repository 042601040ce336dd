package org.vtpm.tpm.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TypeNamesTest {

    @Test
    void aConstantPrintsItsSpecificationNameOrItsTypeAndHex() {
        assertEquals("TPM_ALG_SHA256", AlgId.SHA256.toString());
        assertEquals("TPM_RH_OWNER", Handle.RH_OWNER.toString());
        assertEquals("TPM_ALG_ID(0x4242)", new AlgId(0x4242).toString());
        assertEquals("TPM_CC(0x20000001)", new Cc(0x2000_0001).toString());
    }

    @Test
    void aValueWiderThanItsTypeIsRefused() {
        assertEquals("TPM_SE 0x100 exceeds 8 bits",
                assertThrows(IllegalArgumentException.class, () -> new Se(0x100)).getMessage());
        assertEquals("TPM_ST 0x10000 exceeds 16 bits",
                assertThrows(IllegalArgumentException.class, () -> new St(0x1_0000)).getMessage());
        assertEquals("TPMA_LOCALITY 0xffffffff exceeds 8 bits",
                assertThrows(IllegalArgumentException.class, () -> new LocalityAttributes(-1)).getMessage());
        assertEquals(0xFFFF, new Eo(0xFFFF).value());
    }
}
