package org.vtpm.tpm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.wire.TpmRc;

/**
 * TPM2_NV_GlobalWriteLock against swtpm: which indices it locks, which writes then fail, and
 * which locks a TPM Restart ends.
 */
class SwtpmNvLocksDifferentialTest {

    private static final String PW = "00000009 40000009 0000 01 0000";
    private static final String GLOBAL = "01500020";
    private static final String GLOBAL_WRITEDEFINE = "01500021";
    private static final String UNLOCKABLE = "01500022";

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

    private static String define(String index, String attributes) {
        return "8002 00000000 0000012a 40000001 " + PW + " 0000 000e " + index + " 000b " + attributes + " 0000 0004";
    }

    private static String write(String index) {
        return "8002 00000000 00000137 " + index + " " + index + " " + PW + " 0004 01020304 0000";
    }

    private static String readPublic(String index) {
        return "8001 00000000 00000169 " + index;
    }

    @Test
    void theGlobalLockCoversGlobalLockIndicesUntilARestart() throws IOException {
        both.sameBytes(define(GLOBAL, "00048004"));
        both.sameBytes(define(GLOBAL_WRITEDEFINE, "0004a004"));
        both.sameBytes(define(UNLOCKABLE, "00040004"));
        for (String index : new String[] {GLOBAL, GLOBAL_WRITEDEFINE, UNLOCKABLE}) {
            both.sameBytes(write(index));
        }
        both.sameBytes("8002 00000000 00000132 4000000b " + PW);
        both.sameBytes("8002 00000000 00000132 40000001 " + PW);
        for (String index : new String[] {GLOBAL, GLOBAL_WRITEDEFINE, UNLOCKABLE}) {
            both.sameBytes(readPublic(index));
        }
        assertEquals(TpmRc.NV_LOCKED.value(), both.sameBytes(write(GLOBAL)).engineCode());
        both.sameBytes(write(GLOBAL_WRITEDEFINE));
        both.sameBytes(write(UNLOCKABLE));

        both.sameBytes("8001 00000000 00000145 0000");
        both.tpmInit();
        both.sameBytes("8001 00000000 00000144 0000");
        for (String index : new String[] {GLOBAL, GLOBAL_WRITEDEFINE, UNLOCKABLE}) {
            both.sameBytes(readPublic(index));
            both.sameBytes(write(index));
        }
        both.sameBytes("8002 00000000 00000132 4000000c " + PW);
        both.sameBytes(write(GLOBAL));
    }
}
