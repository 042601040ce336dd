package org.vtpm.tpm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.wire.TpmRc;

/**
 * TPM2_PolicyLocality and TPM2_PolicyPhysicalPresence against swtpm: the same digests, the same
 * refusals of locality sets that cannot combine, and the same answers when an NV index whose
 * policy holds them is read from an allowed locality, another locality, or without physical
 * presence (which neither platform asserts).
 */
class SwtpmPolicyPresenceDifferentialTest {

    private static final String PW = "00000009 40000009 0000 01 0000";
    private static final String POLICY_SESSION = "00000019 03000000 0010 " + "22".repeat(16) + " 01 0000";
    private static final String START_POLICY = "8001 00000000 00000176 40000007 40000007 0010 "
            + "11".repeat(16) + " 0000 01 0010 000b";
    private static final String START_TRIAL = "8001 00000000 00000176 40000007 40000007 0010 "
            + "11".repeat(16) + " 0000 03 0010 000b";
    private static final String GET_DIGEST = "8001 00000000 00000189 03000000";
    private static final String FLUSH = "8001 00000000 00000165 03000000";

    private static Differential both;

    @BeforeAll
    static void startSwtpm() throws IOException {
        both = new Differential();
    }

    @AfterAll
    static void stopSwtpm() throws IOException {
        both.close();
    }

    @BeforeEach
    void powerCycle() throws IOException {
        both.restart();
    }

    private static String policyLocality(String locality) {
        return "8001 00000000 0000016f 03000000 " + locality;
    }

    @Test
    void localitySetsNarrowAndDoNotMix() throws IOException {
        for (String start : new String[] {START_POLICY, START_TRIAL}) {
            both.sameCode(start);
            both.sameBytes(policyLocality("00"));
            both.sameBytes(policyLocality("03"));
            both.sameBytes(GET_DIGEST);
            both.sameBytes(policyLocality("06"));
            both.sameBytes(GET_DIGEST);
            both.sameBytes(policyLocality("04"));
            both.sameBytes(policyLocality("20"));
            both.sameBytes("8001 00000000 00000180 03000000");
            both.sameBytes(policyLocality("20"));
            both.sameBytes(policyLocality("21"));
            both.sameBytes(policyLocality("01"));
            both.sameBytes(policyLocality("20"));
            both.sameBytes(GET_DIGEST);
            both.sameBytes("8001 00000000 00000187 03000000");
            both.sameBytes(GET_DIGEST);
            both.sameBytes(FLUSH);
        }
        both.sameBytes(policyLocality("01"));
        both.sameBytes("8001 00000000 00000187 80000000");
    }

    @Test
    void readsAnswerByLocalityAndPresence() throws IOException {
        String locality = digest("0000016f 05");
        String presence = digest("00000187");
        both.sameBytes(define("01500010", locality));
        both.sameBytes(define("01500011", presence));
        for (String index : new String[] {"01500010", "01500011"}) {
            both.sameBytes("8002 00000000 00000137 " + index + " " + index + " " + PW + " 0004 01020304 0000");
        }
        both.sameCode(START_POLICY);
        for (int at : new int[] {0, 2, 1, 4}) {
            both.setLocality(at);
            both.sameBytes(policyLocality("05"));
            Differential.Answers read = both.sameCode(read("01500010"));
            if (at == 0 || at == 2) {
                assertEquals(0, read.engineCode());
            } else {
                assertEquals(TpmRc.LOCALITY.value(), read.engineCode());
                both.sameBytes("8001 00000000 00000180 03000000");
            }
        }
        both.setLocality(0);
        both.sameBytes("8001 00000000 00000187 03000000");
        Differential.Answers absent = both.sameCode(read("01500011"));
        assertEquals(TpmRc.PP.withSession(1).value(), absent.engineCode());
        both.sameBytes("8001 00000000 00000187 03000000");
        both.sameCode(read("01500010"));
    }

    /** The digest of one assertion from the zero digest: {@code H(0...0 || command code || parameters)}. */
    private static String digest(String assertion) {
        return Bytes.hex(HashAlgorithm.SHA256.hash(new byte[32], Bytes.raw(assertion)));
    }

    /** An ordinary 4-byte index written with its (empty) authValue and read only by policy. */
    private static String define(String index, String policy) {
        return "8002 00000000 0000012a 40000001 " + PW + " 0000 002e " + index + " 000b 00080004 0020 " + policy
                + " 0004";
    }

    private static String read(String index) {
        return "8002 00000000 0000014e " + index + " " + index + " " + POLICY_SESSION + " 0004 0000";
    }
}
