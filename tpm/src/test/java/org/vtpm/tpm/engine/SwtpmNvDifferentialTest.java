package org.vtpm.tpm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * NV indices against swtpm: definitions, public areas and names, contents after writes,
 * increments, bit settings and extends, locks and their end at startup, and the error codes.
 */
class SwtpmNvDifferentialTest {

    private static final String PW = "00000009 40000009 0000 01 0000";
    private static final String PW_AB = "0000000b 40000009 0000 01 0002 6162";
    private static final String ORDINARY = "01500000";
    private static final String COUNTER = "01500001";
    private static final String BITS = "01500002";
    private static final String EXTEND = "01500003";
    private static final String LOCKABLE = "01500004";

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

    private static String define(String index, String attributes, int size, String auth) {
        return String.format("8002 00000000 0000012a 40000001 %s %s 000e %s 000b %s 0000 %04x", PW, auth, index,
                attributes, size);
    }

    @Test
    void indicesBehaveAlike() throws IOException {
        both.sameBytes(define(ORDINARY, "00060006", 16, "0002 6162"));
        both.sameBytes("8001 00000000 00000169 " + ORDINARY);
        both.sameBytes("8002 00000000 0000014e " + ORDINARY + " " + ORDINARY + " " + PW_AB + " 0004 0000");
        both.sameBytes("8002 00000000 00000137 " + ORDINARY + " " + ORDINARY + " " + PW_AB + " 0004 01020304 0002");
        both.sameBytes("8002 00000000 0000014e 40000001 " + ORDINARY + " " + PW + " 0010 0000");
        both.sameBytes("8001 00000000 00000169 " + ORDINARY);
        both.sameBytes("8002 00000000 00000137 " + ORDINARY + " " + ORDINARY + " " + PW_AB + " 0004 01020304 000e");
        both.sameBytes("8002 00000000 0000014e 40000001 " + ORDINARY + " " + PW + " 0008 000c");
        both.sameBytes("8002 00000000 0000014e 4000000c " + ORDINARY + " " + PW + " 0001 0000");
        both.sameBytes("8002 00000000 00000134 40000001 " + ORDINARY + " " + PW);
        both.sameBytes(define(ORDINARY, "00060006", 16, "0000"));

        both.sameBytes(define(COUNTER, "02060016", 8, "0000"));
        both.sameBytes("8002 00000000 00000134 40000001 " + COUNTER + " " + PW);
        both.sameBytes("8002 00000000 00000134 " + COUNTER + " " + COUNTER + " " + PW);
        both.sameCode("8002 00000000 0000014e 40000001 " + COUNTER + " " + PW + " 0008 0000");
        both.sameBytes("8002 00000000 00000137 40000001 " + COUNTER + " " + PW + " 0001 00 0000");
        both.sameBytes("8002 00000000 00000134 " + COUNTER + " " + COUNTER + " 0000000a 40000009 0000 01 0001 78");

        both.sameBytes(define(BITS, "02060026", 8, "0000"));
        both.sameBytes("8002 00000000 00000135 40000001 " + BITS + " " + PW + " 00000000 00000005");
        both.sameBytes("8002 00000000 00000135 40000001 " + BITS + " " + PW + " 80000000 00000010");
        both.sameBytes("8002 00000000 0000014e 40000001 " + BITS + " " + PW + " 0008 0000");

        both.sameBytes(define(EXTEND, "02060046", 32, "0000"));
        both.sameBytes("8002 00000000 00000136 40000001 " + EXTEND + " " + PW + " 0003 616263");
        both.sameBytes("8002 00000000 00000136 40000001 " + EXTEND + " " + PW + " 0000");
        both.sameBytes("8002 00000000 0000014e 40000001 " + EXTEND + " " + PW + " 0020 0000");
        both.sameBytes("8001 00000000 00000169 " + EXTEND);

        both.sameBytes(define(LOCKABLE, "82064006", 4, "0000"));
        both.sameBytes("8002 00000000 00000137 40000001 " + LOCKABLE + " " + PW + " 0004 aabbccdd 0000");
        both.sameBytes("8002 00000000 00000138 40000001 " + LOCKABLE + " " + PW);
        both.sameBytes("8002 00000000 00000138 40000001 " + LOCKABLE + " " + PW);
        both.sameBytes("8002 00000000 00000137 40000001 " + LOCKABLE + " " + PW + " 0001 00 0000");
        both.sameBytes("8002 00000000 0000014f 40000001 " + LOCKABLE + " " + PW);
        both.sameBytes("8002 00000000 0000014e 40000001 " + LOCKABLE + " " + PW + " 0004 0000");
        both.sameBytes("8001 00000000 00000169 " + LOCKABLE);
        both.sameBytes("8002 00000000 0000014f 40000001 " + ORDINARY + " " + PW);
        both.sameBytes("8002 00000000 00000138 40000001 " + ORDINARY + " " + PW);
        both.tpmInit();
        both.sameBytes("8001 00000000 00000144 0000");
        both.sameBytes("8001 00000000 00000169 " + LOCKABLE);
        both.sameBytes("8002 00000000 0000014e 40000001 " + LOCKABLE + " " + PW + " 0004 0000");

        both.sameBytes("8001 00000000 0000017a 00000001 01000000 00000010");
        both.sameBytes("8001 00000000 0000017a 00000001 01500002 00000001");
        both.sameCode(define("01500005", "00060016", 4, "0000"));
        both.sameCode(define("01500005", "00000006", 4, "0000"));
        both.sameCode(define("01500005", "40060006", 4, "0000"));
        both.sameCode(define("01500005", "00060006", 4, "0030 " + "00".repeat(48)));

        for (String index : new String[] {ORDINARY, COUNTER, BITS, EXTEND, LOCKABLE, "01500005"}) {
            both.sameBytes("8002 00000000 00000122 40000001 " + index + " " + PW);
        }
        both.sameBytes("8001 00000000 00000169 " + ORDINARY);
        both.sameBytes("8002 00000000 00000122 40000001 " + ORDINARY + " " + PW);
        assertEquals(0, both.sameCode("8001 00000000 0000017a 00000001 01000000 00000010").engineCode());
    }
}
