package org.vtpm.tpm.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.command.GetCapabilityResponse;
import org.vtpm.tpm.types.AlgProperty;
import org.vtpm.tpm.types.AlgPropertyList;
import org.vtpm.tpm.types.CcAttributes;
import org.vtpm.tpm.types.CcaList;
import org.vtpm.tpm.types.DigestValuesList;
import org.vtpm.tpm.types.Ha;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.TpmFormatException;

/**
 * The engine against swtpm (libtpms): the same bytes to both must give the same response codes, and
 * the same bytes wherever the answer is deterministic and both implement the feature.
 */
class SwtpmDifferentialTest {

    private static final String PW = "00000009 40000009 0000 01 0000";
    private static final String SHA1_ZERO = "0004" + "00".repeat(20);
    private static final String SHA256_AB = "000b" + "ab".repeat(32);
    private static final String SHA384_CD = "000c" + "cd".repeat(48);
    private static final String READ_ALL_BANKS = "00000003 0004 03 ff0000 000b 03 ff0181 000c 03 000000";

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

    @Test
    void pcrExtendsAndReads() throws IOException {
        both.sameBytes("8002 00000000 00000182 00000003 " + PW + " 00000003 " + SHA1_ZERO + SHA256_AB + SHA384_CD);
        both.sameBytes("8002 00000000 00000182 00000010 " + PW + " 00000001 " + SHA256_AB);
        both.sameBytes("8002 00000000 00000182 00000007 " + PW + " 00000002 " + SHA256_AB + SHA256_AB);
        both.sameBytes("8001 00000000 0000017e " + READ_ALL_BANKS);
        both.sameBytes("8001 00000000 0000017e 00000002 000b 03 ffffff 0004 03 ffffff");
        both.sameBytes("8001 00000000 0000017e 00000001 000b 03 000000");
        both.sameBytes("8001 00000000 0000017e 00000000");
        both.sameBytes("8002 00000000 00000182 40000007 " + PW + " 00000001 " + SHA256_AB);
        both.sameCode("8001 00000000 0000017e 00000001 0013 03 010000");
    }

    @Test
    void pcrEventDigestsAgreeInTheCommonBanks() throws IOException, TpmFormatException {
        Differential.Answers event = both.sameCode("8002 00000000 0000013c 00000010 " + PW + " 0005 68656c6c6f");
        Map<Integer, Ha> fromSwtpm = digests(event.swtpm());
        for (Ha digest : Codecs.unmarshal(DigestValuesList.class, parameters(event.engine())).digests()) {
            assertEquals(fromSwtpm.get(digest.hashAlg().value()), digest, digest.hashAlg().toString());
        }
        both.sameBytes("8001 00000000 0000017e 00000003 0004 03 000001 000b 03 000001 000c 03 000001");
        both.sameCode("8002 00000000 0000013c 40000007 " + PW + " 0000");
    }

    private static Map<Integer, Ha> digests(byte[] response) throws TpmFormatException {
        Map<Integer, Ha> out = new HashMap<>();
        for (Ha digest : Codecs.unmarshal(DigestValuesList.class, parameters(response)).digests()) {
            out.put(digest.hashAlg().value(), digest);
        }
        return out;
    }

    /** The parameter area of a successful response to a command with one session. */
    private static byte[] parameters(byte[] response) {
        int size = Bytes.u32(response, 10);
        byte[] out = new byte[size];
        System.arraycopy(response, 14, out, 0, size);
        return out;
    }

    @Test
    void localityRulesForExtendAndReset() throws IOException {
        for (int locality = 0; locality <= 4; locality++) {
            both.setLocality(locality);
            for (int pcr = 0; pcr < 24; pcr++) {
                String handle = String.format("%08x", pcr);
                both.sameCode("8002 00000000 00000182 " + handle + " " + PW + " 00000001 " + SHA256_AB);
                both.sameCode("8002 00000000 0000013d " + handle + " " + PW);
            }
            both.sameBytes("8001 00000000 0000017e " + READ_ALL_BANKS);
            both.sameBytes("8001 00000000 0000017e 00000001 000b 03 0000ff");
        }
        both.setLocality(0);
    }

    @Test
    void startupAndShutdownSequences() throws IOException {
        both.sameBytes("8001 00000000 00000144 0000");
        both.sameBytes("8001 00000000 00000145 0002");
        both.sameBytes("8002 00000000 00000182 00000002 " + PW + " 00000001 " + SHA256_AB);
        both.sameBytes("8002 00000000 00000182 00000010 " + PW + " 00000001 " + SHA256_AB);
        both.sameBytes("8001 00000000 00000145 0001");
        both.tpmInit();
        both.sameBytes("8001 00000000 00000144 0001");
        both.sameBytes("8001 00000000 0000017e " + READ_ALL_BANKS);
        both.sameBytes("8001 00000000 0000017e 00000001 000b 03 000001");
        both.sameBytes("8001 00000000 00000145 0000");
        both.tpmInit();
        both.sameBytes("8001 00000000 00000144 0001");
        both.sameBytes("8001 00000000 00000144 0000");
        both.sameBytes("8001 00000000 0000017e " + READ_ALL_BANKS);
        both.tpmInit();
        both.sameBytes("8001 00000000 0000017b 0008");
        both.sameBytes("8001 00000000 00000144 0002");
    }

    @Test
    void hashAndEventSequences() throws IOException, TpmFormatException {
        String aa = "0000000b 40000009 0000 01 0002 6161";
        both.sameBytes("8001 00000000 00000186 0002 6161 000b");
        both.sameBytes("8002 00000000 0000015c 80000000 " + aa + " 0003 616263");
        both.sameBytes("8002 00000000 0000015c 80000000 " + PW + " 0003 616263");
        both.sameBytes("8002 00000000 0000013e 80000000 " + aa + " 0003 646566 40000007");
        both.sameBytes("8002 00000000 0000015c 80000000 " + aa + " 0000");

        both.sameBytes("8001 00000000 00000186 0000 0004");
        both.sameBytes("8002 00000000 0000015c 80000000 " + PW + " 0004 ff544347");
        both.sameBytes("8002 00000000 0000013e 80000000 " + PW + " 0000 40000001");

        both.sameBytes("8001 00000000 00000186 0000 0010");
        both.sameBytes("8002 00000000 0000013e 80000000 " + PW + " 0000 40000007");
        both.sameBytes("8002 00000000 0000015c 80000000 " + PW + " 0005 68656c6c6f");
        Differential.Answers event = both.sameCode("8002 00000000 00000185 00000010 80000000 00000012 "
                + "40000009 0000 01 0000 40000009 0000 01 0000 0000");
        Map<Integer, Ha> fromSwtpm = digests(event.swtpm());
        for (Ha digest : Codecs.unmarshal(DigestValuesList.class, parameters(event.engine())).digests()) {
            assertEquals(fromSwtpm.get(digest.hashAlg().value()), digest, digest.hashAlg().toString());
        }
        both.sameBytes("8001 00000000 0000017e 00000003 0004 03 000001 000b 03 000001 000c 03 000001");

        both.sameBytes("8001 00000000 00000186 0000 000b");
        both.sameBytes("8001 00000000 00000186 0000 0004");
        both.sameBytes("8001 00000000 00000186 0000 000c");
        both.sameBytes("8001 00000000 00000186 0000 000c");
        both.sameBytes("8001 00000000 0000017a 00000001 80000000 00000010");
        both.sameBytes("8001 00000000 00000165 80000001");
        both.sameBytes("8001 00000000 00000165 80000001");
        both.sameBytes("8002 00000000 0000015c 80000001 " + PW + " 0000");
        both.sameBytes("8001 00000000 00000165 02000000");
        both.sameBytes("8001 00000000 00000186 0000 0004");
        both.sameBytes("8002 00000000 00000185 00000010 80000001 00000012 "
                + "40000009 0000 01 0000 40000009 0000 01 0000 0000");
    }

    @Test
    void hashes() throws IOException {
        both.sameBytes("8001 00000000 0000017d 0003 616263 000b 40000007");
        both.sameBytes("8001 00000000 0000017d 0003 616263 0004 40000007");
        both.sameBytes("8001 00000000 0000017d 0000 000c 40000007");
        both.sameBytes("8001 00000000 0000017d 0005 ff54434701 000b 40000001");
        Differential.Answers ticketed = both.sameCode("8001 00000000 0000017d 0003 616263 000b 40000001");
        assertArrayEquals(java.util.Arrays.copyOfRange(ticketed.swtpm(), 10, 44),
                java.util.Arrays.copyOfRange(ticketed.engine(), 10, 44), "digest");
        both.sameCode("8001 00000000 0000017d 0003 616263 0005 40000007");
        both.sameCode("8001 00000000 0000017d 0003 616263 000b 40000009");
    }

    @Test
    void capabilitiesBothImplement() throws IOException {
        both.sameBytes("8001 00000000 0000017a 00000007 00000000 00000040");
        both.sameBytes("8001 00000000 0000017a 00000007 00000005 00000003");
        both.sameBytes("8001 00000000 0000017a 00000001 40000000 00000040");
        both.sameBytes("8001 00000000 0000017a 00000001 40000005 00000002");
        both.sameBytes("8001 00000000 0000017a 00000001 00000000 00000040");
        both.sameBytes("8001 00000000 0000017a 00000001 00000010 00000004");
        both.sameBytes("8001 00000000 0000017a 00000009 40000000 00000040");
        both.sameBytes("8001 00000000 0000017a 00000006 00000112 00000002");
        both.sameBytes("8001 00000000 0000017a 00000006 0000011e 00000002");
        both.sameCode("8001 00000000 0000017a 0000000b 00000000 00000001");
        both.sameCode("8001 00000000 0000017a 00000100 00000000 00000001");
        both.sameCode("8001 00000000 0000017a 00000001 ff000000 00000001");
        both.sameCode("8001 00000000 0000017a 00000005 00000000 00000001");
    }

    @Test
    void commandAttributesAgreeForEveryCommandBothImplement() throws IOException, TpmFormatException {
        Differential.Answers a = both.sameCode("8001 00000000 0000017a 00000002 00000000 00000100");
        Map<Integer, CcAttributes> swtpm = new HashMap<>();
        for (CcAttributes cc : capability(a.swtpm(), CcaList.class).commandAttributes()) {
            swtpm.put(cc.commandIndex(), cc);
        }
        for (CcAttributes cc : capability(a.engine(), CcaList.class).commandAttributes()) {
            assertEquals(swtpm.get(cc.commandIndex()), cc, String.format("command 0x%x", cc.commandIndex()));
        }
    }

    @Test
    void algorithmAttributesAgreeForEveryAlgorithmBothImplement() throws IOException, TpmFormatException {
        Differential.Answers a = both.sameCode("8001 00000000 0000017a 00000000 00000000 00000100");
        Map<Integer, AlgProperty> swtpm = new HashMap<>();
        for (AlgProperty alg : capability(a.swtpm(), AlgPropertyList.class).algProperties()) {
            swtpm.put(alg.alg().value(), alg);
        }
        for (AlgProperty alg : capability(a.engine(), AlgPropertyList.class).algProperties()) {
            assertEquals(swtpm.get(alg.alg().value()), alg);
        }
    }

    private static <T> T capability(byte[] response, Class<T> type) throws TpmFormatException {
        byte[] parameters = java.util.Arrays.copyOfRange(response, 10, response.length);
        GetCapabilityResponse r = Codecs.unmarshal(GetCapabilityResponse.class, parameters);
        assertTrue(type.isInstance(r.capabilityData().data()));
        return type.cast(r.capabilityData().data());
    }

    @Test
    void randomAndTests() throws IOException {
        for (int n : new int[] {0, 1, 20, 32}) {
            Differential.Answers a = both.sameCode(String.format("8001 00000000 0000017b %04x", n));
            assertEquals(a.swtpm().length, a.engine().length);
        }
        both.sameBytes("8001 00000000 00000146 0010 " + "01".repeat(16));
        both.sameBytes("8001 00000000 00000143 01");
        both.sameBytes("8001 00000000 00000143 00");
        both.sameCode("8001 00000000 00000142 00000001 000b");
        both.sameCode("8001 00000000 0000017c");
    }

    @Test
    void malformedCommandsAndAuthorizationAreas() throws IOException {
        both.sameBytes("8001 00000000 0000017b");
        both.sameBytes("8001 00000000 0000ffff 0008");
        both.sameBytes("8001 00000000 0000017b 0008 00");
        both.sameBytes("8002 00000000 0000017b 00000000 0008");
        both.sameBytes("8002 00000000 00000182 00000010 0000000b 40000009 0002 4142 01 0000 00000000");
        both.sameBytes("8002 00000000 00000182 00000010 " + "00000009 40000009 0000 21 0000" + " 00000000");
        both.sameBytes("8002 00000000 00000182 00000010 " + "00000009 02000000 0000 01 0000" + " 00000000");
        both.sameBytes("8002 00000000 0000017b " + PW + " 0008");
        both.sameBytes("8002 00000000 00000182 00000010 00000012 40000009 0000 01 0000 40000009 0000 01 0000 00000000");
        both.sameBytes("8001 00000000 00000182 00000010 00000000");
        both.sameBytes("8002 00000000 00000182 00000010 0000000a 40000009 0000 01 0001 78 00000000");
        both.sameBytes("8002 00000000 00000182 00000010 0000000b 40000009 0000 01 0002 0000 00000000");
        both.sameBytes("8002 00000000 00000182 00000010 " + PW + " 00000001 0005 " + "00".repeat(64));
        both.sameBytes("8002 00000000 00000182 00000019 " + PW + " 00000000");
        both.sameBytes("8002 00000000 00000182 00000010 " + PW + " 00000001 000b 00");
        both.sameBytes("8001 00000000 0000017e 00000001 000b 02 0000");
    }
}
