package org.vtpm.tpm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.types.Attest;
import org.vtpm.tpm.types.CommandAuditInfo;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmReader;
import org.vtpm.tpm.wire.TpmRc;

/**
 * Command audit against swtpm: the audited command list (set, cleared, the codes that cannot be
 * changed), the audit hash, and the attested digest, counter and command digest after the same
 * audited commands.
 */
class SwtpmCommandAuditDifferentialTest {

    private static final String PW = "00000009 40000009 0000 01 0000";
    private static final String SET_STATUS = "8002 00000000 00000140 40000001 " + PW + " ";
    private static final String AUDITED = "8001 00000000 0000017a 00000004 00000000 00000064";
    private static final String PCR_READ = "8001 00000000 0000017e 00000001 000b 03 ff0000";
    private static final String HASH = "8001 00000000 0000017d 0003 616263 000b 40000007";
    /** Unsigned (TPM_RH_NULL signs), so it leaves the digest as it is. */
    private static final String REPORT = "8002 00000000 00000133 4000000b 40000007 00000012 "
            + "40000009 0000 01 0000 40000009 0000 01 0000 0000 0010";

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
    void auditedCommandsGiveTheSameReport() throws IOException, TpmFormatException {
        // A change of hash is not audited and clears the digest on both, whatever each started with.
        both.sameBytes(SET_STATUS + "000c 00000000 00000000");
        both.sameBytes(SET_STATUS + "000b 00000001 0000017e 00000000");
        both.sameBytes(SET_STATUS + "000b 00000000 00000000");
        both.sameBytes(SET_STATUS + "0010 00000003 0000017e 0000017d 00000145 00000001 00000140");
        both.sameBytes(AUDITED);
        both.sameBytes(SET_STATUS + "0010 00000001 00000099 00000000");
        both.sameBytes(AUDITED);
        both.sameBytes(PCR_READ);
        both.sameBytes(HASH);
        both.sameBytes(PCR_READ);
        sameReport();
        sameReport();
        both.sameBytes(SET_STATUS + "0010 00000000 00000001 0000017e");
        both.sameBytes(AUDITED);
        both.sameBytes(PCR_READ);
        both.sameBytes(HASH);
        sameReport();
        Differential.Answers properties = both.sameBytes("8001 00000000 0000017a 00000006 00000213 00000002");
        assertEquals(1, Bytes.u32(properties.engine(), properties.engine().length - 4));
    }

    /** Both attest the same counter, hash, audit digest and command digest. */
    private static void sameReport() throws IOException, TpmFormatException {
        Differential.Answers report = both.sameCode(REPORT);
        assertEquals(0, report.engineCode());
        assertEquals(auditInfo(report.swtpm()), auditInfo(report.engine()));
    }

    private static CommandAuditInfo auditInfo(byte[] response) throws TpmFormatException {
        TpmReader in = new TpmReader(Arrays.copyOfRange(response, 14, response.length));
        byte[] attest = in.readBytes(in.readU16());
        return (CommandAuditInfo) Codecs.unmarshal(Attest.class, attest).attested();
    }

    @Test
    void theHashChangesAlone() throws IOException {
        Differential.Answers both384 = both.sameBytes(SET_STATUS + "000c 00000001 0000017e 00000000");
        assertEquals(TpmRc.VALUE.withParameter(1).value(), both384.engineCode());
        both.sameBytes(SET_STATUS + "0099 00000000 00000000");
        both.sameBytes("8001 00000000 00000140 40000001 0000 00000000 00000000");
    }
}
