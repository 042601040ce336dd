package org.vtpm.tpm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TPM2_PCR_Allocate against swtpm, for the allocation both have (SHA-1, SHA-256 and SHA-384 with
 * every PCR): granted alike, whether named whole or in part, and refused alike without the
 * platform's authorization.
 */
class SwtpmPcrAllocateDifferentialTest {

    private static final String PW = "00000009 40000009 0000 01 0000";
    private static final String ALLOCATE = "8002 00000000 0000012b 4000000c " + PW + " ";

    private static Differential both;

    @BeforeAll
    static void startSwtpm() throws IOException {
        both = new Differential();
        both.restart();
    }

    @AfterAll
    static void stopSwtpm() throws IOException {
        both.close();
    }

    @Test
    void theCurrentAllocationIsGrantedAlike() throws IOException {
        for (String request : new String[] {
            "00000003 0004 03 ffffff 000b 03 ffffff 000c 03 ffffff",
            "00000001 000b 03 ffffff",
            "00000000",
        }) {
            Differential.Answers a = both.sameCode(ALLOCATE + request);
            assertEquals(0, a.engineCode());
            assertEquals(1, a.engine()[14], "allocationSuccess");
            assertEquals(a.swtpm()[14], a.engine()[14]);
            assertEquals(Bytes.u32(a.swtpm(), 15), Bytes.u32(a.engine(), 15), "maxPCR");
        }
        both.sameBytes("8002 00000000 0000012b 40000001 " + PW + " 00000000");
    }

    /**
     * swtpm can allocate banks anew; the engine's are fixed, so it answers NO with the memory the
     * request needs: here SHA-1, SHA-256 and SHA-512 with every PCR.
     */
    @Test
    void anotherAllocationIsNotGrantedByTheEngine() throws IOException {
        byte[] answer = both.engine().process(0, Bytes.command(ALLOCATE + "00000002 000c 03 000000 000d 03 ffffff"));
        assertEquals(0, Bytes.responseCode(answer));
        assertEquals(0, answer[14], "allocationSuccess");
        assertEquals((20 + 32 + 64) * 24, Bytes.u32(answer, 19), "sizeNeeded");
        assertEquals((20 + 32 + 48) * 24, Bytes.u32(answer, 23), "sizeAvailable");
    }
}
