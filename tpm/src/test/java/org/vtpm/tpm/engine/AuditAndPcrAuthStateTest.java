package org.vtpm.tpm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.security.SecureRandom;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.vtpm.tpm.types.Attest;
import org.vtpm.tpm.types.CommandAuditInfo;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmReader;

/**
 * The command audit and the PCR authorization group are state: a restored engine reports the same
 * audit and keeps extending it, and its PCRs 20 to 22 still need the authValue that was set.
 */
class AuditAndPcrAuthStateTest {

    private static final String PW = "00000009 40000009 0000 01 0000";
    private static final String PW_AB = "0000000b 40000009 0000 01 0002 6162";
    private static final String REPORT = "8002 00000000 00000133 4000000b 40000007 00000012 "
            + "40000009 0000 01 0000 40000009 0000 01 0000 0000 0010";

    @Test
    void aRestoredEngineKeepsItsAuditAndPcrAuthorization() throws Exception {
        Engine engine = Engine.manufacture(new SecureRandom());
        run(engine, 0, "8001 00000000 00000144 0000");
        run(engine, 0, "8002 00000000 00000140 40000001 " + PW + " 0010 00000001 0000017d 00000000");
        run(engine, 0, "8001 00000000 0000017d 0003 616263 000b 40000007");
        run(engine, 0, "8002 00000000 00000183 00000014 " + PW + " 0002 6162");
        CommandAuditInfo report = auditInfo(run(engine, 0, REPORT));

        Engine restored = Engine.restore(engine.saveState());
        assertEquals(report, auditInfo(run(restored, 0, REPORT)));
        String extend = "8002 00000000 00000182 00000014 %s 00000001 000b " + "33".repeat(32);
        assertNotEquals(0, Bytes.responseCode(restored.process(2, Bytes.command(String.format(extend, PW)))));
        run(restored, 2, String.format(extend, PW_AB));
        run(restored, 0, "8001 00000000 0000017d 0003 616263 000b 40000007");
        CommandAuditInfo extended = auditInfo(run(restored, 0, REPORT));
        assertEquals(report.auditCounter(), extended.auditCounter());
        assertNotEquals(report.auditDigest(), extended.auditDigest());
    }

    private static byte[] run(Engine engine, int locality, String command) {
        byte[] response = engine.process(locality, Bytes.command(command));
        assertEquals(0, Bytes.responseCode(response), command);
        return response;
    }

    private static CommandAuditInfo auditInfo(byte[] response) throws TpmFormatException {
        TpmReader in = new TpmReader(Arrays.copyOfRange(response, 14, response.length));
        return (CommandAuditInfo) Codecs.unmarshal(Attest.class, in.readBytes(in.readU16())).attested();
    }
}
