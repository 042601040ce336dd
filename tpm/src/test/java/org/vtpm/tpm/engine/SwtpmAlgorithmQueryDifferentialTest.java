package org.vtpm.tpm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.wire.TpmRc;

/**
 * What clients ask before they choose algorithms, against swtpm: TPM2_TestParms for parameters
 * both implement, parameters neither implements and malformed ones; TPM2_ECC_Parameters for the
 * curves both implement (byte for byte) and for curves neither does.
 */
class SwtpmAlgorithmQueryDifferentialTest {

    private static final String TEST_PARMS = "8001 00000000 0000018a ";

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
    void testParmsAnswersAlike() throws IOException {
        String[] parms = {
            "0001 0010 0010 0800 00000000",
            "0001 0010 0010 0c00 00010001",
            "0001 0006 0080 0043 0010 0800 00000000",
            "0001 0010 0017 000b 0800 00000000",
            "0001 0010 0014 000b 0800 00000000",
            "0001 0010 0016 000c 0800 00000000",
            "0001 0010 0010 1000 00000000",
            "0001 0010 0010 0801 00000000",
            "0001 0010 0016 0099 0800 00000000",
            "0023 0010 0010 0003 0010",
            "0023 0010 0018 000b 0004 0010",
            "0023 0006 0100 0043 0019 000c 0003 0010",
            "0023 0010 0010 0099 0010",
            "0008 0005 000b",
            "0008 0010",
            "0008 0005 0099",
            "0025 0006 0080 0043",
            "0025 0006 0100 0040",
            "0025 0006 0080 0010",
            "0025 0010",
            "0025 0006 0081 0043",
            "0099 0010",
            "0001 0010",
            "0001 0010 0010",
        };
        for (String p : parms) {
            both.sameBytes(TEST_PARMS + p);
        }
    }

    @Test
    void eccParametersAnswerAlike() throws IOException {
        for (String curve : new String[] {"0003", "0004", "0000", "0099", "0020 00"}) {
            both.sameBytes("8001 00000000 00000178 " + curve);
        }
    }

    /** libtpms implements KDFs for ECC keys; the engine does not, and says so as its Create does. */
    @Test
    void testParmsRefusesWhatOnlyTheEngineLacks() throws IOException {
        Differential.Answers kdf = both.send(Bytes.command(TEST_PARMS + "0023 0010 0010 0003 0020 000b"));
        assertEquals(0, kdf.swtpmCode());
        assertEquals(TpmRc.KDF.withParameter(1).value(), kdf.engineCode());
    }
}
