package org.vtpm.tpm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.wire.TpmRc;

/**
 * TPM2_NV_GlobalWriteLock against swtpm (which indices it locks, which writes then fail, which
 * locks a TPM Restart ends) and TPM2_NV_UndefineSpaceSpecial (only with the index's policy, only
 * for POLICY_DELETE indices, which TPM2_NV_UndefineSpace refuses).
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

    private static final String POLICY_DELETE = "01500023";
    private static final String PLATFORM_INDEX = "01500024";
    private static final String START_POLICY = "8001 00000000 00000176 40000007 40000007 0010 "
            + "11".repeat(16) + " 0000 01 0010 000b";
    private static final String POLICY_AND_PLATFORM = "00000022 03000000 0010 " + "22".repeat(16)
            + " 01 0000 " + "40000009 0000 01 0000";

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

    @Test
    void onlyTheIndexPolicyRemovesAPolicyDeleteIndex() throws IOException {
        String policy = Bytes.hex(HashAlgorithm.SHA256.hash(new byte[32], Bytes.raw("0000016c 0000011f")));
        for (String[] index : new String[][] {{POLICY_DELETE, "40010401"}, {PLATFORM_INDEX, "40010001"}}) {
            both.sameBytes("8002 00000000 0000012a 4000000c " + PW + " 0000 002e " + index[0] + " 000b " + index[1]
                    + " 0020 " + policy + " 0004");
        }
        both.sameBytes("8002 00000000 00000122 4000000c " + POLICY_DELETE + " " + PW);
        String special = "8002 00000000 0000011f %s 4000000c %s";
        both.sameBytes(String.format(special, POLICY_DELETE, "00000012 40000009 0000 01 0000 40000009 0000 01 0000"));
        both.sameCode(START_POLICY);
        both.sameBytes("8001 00000000 0000016c 03000000 0000011f");
        both.sameCode(String.format(special, PLATFORM_INDEX, POLICY_AND_PLATFORM));
        both.sameBytes("8001 00000000 00000180 03000000");
        both.sameBytes("8001 00000000 0000016c 03000000 0000011e");
        both.sameCode(String.format(special, POLICY_DELETE, POLICY_AND_PLATFORM));
        both.sameBytes("8001 00000000 00000180 03000000");
        both.sameBytes("8001 00000000 0000016c 03000000 0000011f");
        assertEquals(0, both.sameCode(String.format(special, POLICY_DELETE, POLICY_AND_PLATFORM)).engineCode());
        both.sameBytes(readPublic(POLICY_DELETE));
        both.sameBytes("8002 00000000 00000122 4000000c " + PLATFORM_INDEX + " " + PW);
    }
}
