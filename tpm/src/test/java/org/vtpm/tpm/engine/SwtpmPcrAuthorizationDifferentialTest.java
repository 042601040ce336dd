package org.vtpm.tpm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.crypto.HashAlgorithm;

/**
 * TPM2_PCR_SetAuthValue and TPM2_PCR_SetAuthPolicy against swtpm: which PCRs have an
 * authorization group, extends authorized by the group's authValue or policy, and what a TPM
 * Reset keeps (the policy) and ends (the authValue).
 */
class SwtpmPcrAuthorizationDifferentialTest {

    private static final String PW = "00000009 40000009 0000 01 0000";
    private static final String PW_AB = "0000000b 40000009 0000 01 0002 6162";
    private static final String POLICY_SESSION = "00000019 03000000 0010 " + "22".repeat(16) + " 01 0000";
    private static final String START_POLICY = "8001 00000000 00000176 40000007 40000007 0010 "
            + "11".repeat(16) + " 0000 01 0010 000b";
    private static final String SET_POLICY = "8002 00000000 0000012c 4000000c " + PW + " ";

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

    private static String extend(String pcr, String session) {
        return "8002 00000000 00000182 " + pcr + " " + session + " 00000001 000b " + "33".repeat(32);
    }

    @Test
    void theGroupsAuthorizationGuardsItsPcrs() throws IOException {
        // PCRs 20 to 22 take extends from locality 2 (PC Client).
        both.setLocality(2);
        both.sameBytes("8002 00000000 00000183 00000010 " + PW + " 0002 6162");
        both.sameBytes("8002 00000000 00000183 00000014 " + PW + " 0002 6162");
        both.sameCode(extend("00000014", PW));
        assertEquals(0, both.sameBytes(extend("00000015", PW_AB)).engineCode());
        both.sameBytes(extend("00000016", PW_AB));
        both.sameBytes(extend("00000010", PW));

        String policy = Bytes.hex(HashAlgorithm.SHA256.hash(new byte[32], Bytes.raw("0000016c 00000182")));
        both.sameBytes(SET_POLICY + "0020 " + policy + " 000b 00000005");
        both.sameBytes(SET_POLICY + "0010 " + policy.substring(0, 32) + " 000b 00000014");
        both.sameBytes(SET_POLICY + "0020 " + policy + " 0010 00000014");
        both.sameBytes(SET_POLICY + "0020 " + policy + " 000b 00000014");
        both.sameCode(START_POLICY);
        both.sameBytes("8001 00000000 0000016c 03000000 00000182");
        assertEquals(0, both.sameCode(extend("00000016", POLICY_SESSION)).engineCode());
        both.sameBytes("8001 00000000 0000017e 00000001 000b 03 000070");

        both.setLocality(0);
        both.sameBytes("8001 00000000 00000145 0000");
        both.tpmInit();
        both.sameBytes("8001 00000000 00000144 0000");
        both.setLocality(2);
        both.sameBytes(extend("00000014", PW));
        both.sameCode(START_POLICY);
        both.sameBytes("8001 00000000 0000016c 03000000 00000182");
        assertEquals(0, both.sameCode(extend("00000014", POLICY_SESSION)).engineCode());
        both.sameBytes(SET_POLICY + "0000 0010 00000014");
        both.sameCode(START_POLICY);
        both.sameBytes("8001 00000000 0000016c 03000000 00000182");
        both.sameCode(extend("00000014", POLICY_SESSION));
        both.sameBytes("8001 00000000 0000017e 00000001 000b 03 000070");
        both.setLocality(0);
    }
}
