package org.vtpm.tpm.engine;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** TPM2_ClockRateAdjust against swtpm: the same answers to every step, values outside them and other hierarchies. */
class SwtpmClockRateDifferentialTest {

    private static final String PW = "00000009 40000009 0000 01 0000";

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
    void adjustmentsAnswerAlike() throws IOException {
        for (String adjust : new String[] {"03", "02", "01", "00", "ff", "fe", "fd", "04", "fc", "80"}) {
            both.sameBytes("8002 00000000 00000130 40000001 " + PW + " " + adjust);
        }
        both.sameBytes("8002 00000000 00000130 4000000c " + PW + " 01");
        both.sameBytes("8002 00000000 00000130 4000000b " + PW + " 01");
        both.sameBytes("8002 00000000 00000130 40000001 " + PW);
    }
}
