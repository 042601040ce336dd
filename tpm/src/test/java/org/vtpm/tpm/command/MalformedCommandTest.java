package org.vtpm.tpm.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.vtpm.tpm.command.KnownAnswerTest.hex;

import org.junit.jupiter.api.Test;

import org.vtpm.tpm.types.CapabilityData;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmRc;

/** Defective command buffers give the code a TPM answers, located where Part 2 says. */
class MalformedCommandTest {

    private static TpmRc rcOf(String hex) {
        return assertThrows(TpmFormatException.class, () -> CommandFraming.decode(hex(hex)).command()).rc();
    }

    /** A SESSIONS command with an empty password session for one handle. */
    private static String withPassword(String code, String handles, String parameters) {
        return sessions(code + handles + "00000009 40000009 0000 01 0000" + parameters);
    }

    private static String sessions(String body) {
        return "8002" + String.format("%08x", 6 + hex(body).length) + body;
    }

    private static String noSessions(String code, String parameters) {
        String body = code + parameters;
        return "8001" + String.format("%08x", 6 + hex(body).length) + body;
    }

    @Test
    void badTag() {
        assertEquals(TpmRc.BAD_TAG, rcOf("00c1 0000000c 0000017b 0008"));
    }

    @Test
    void sizeFieldDisagreesWithTheBuffer() {
        assertEquals(TpmRc.COMMAND_SIZE, rcOf("8001 0000000d 0000017b 0008"));
        assertEquals(TpmRc.COMMAND_SIZE, rcOf("8001 0000000b 0000017b 0008"));
    }

    @Test
    void shortHeaderIsInsufficient() {
        assertEquals(TpmRc.INSUFFICIENT, rcOf("80"));
        assertEquals(TpmRc.INSUFFICIENT, rcOf("8001 0000"));
        assertEquals(TpmRc.INSUFFICIENT, rcOf("8001 00000008 0000"));
    }

    @Test
    void unknownCommandCode() {
        assertEquals(TpmRc.COMMAND_CODE, rcOf("8001 0000000c 00000999 0008"));
    }

    @Test
    void truncatedParameterNamesItsNumber() {
        assertEquals(TpmRc.INSUFFICIENT.withParameter(1), rcOf(noSessions("0000017b", "00")));
        assertEquals(TpmRc.INSUFFICIENT.withParameter(3), rcOf(noSessions("0000017a", "00000006 00000100")));
    }

    @Test
    void trailingBytesAfterTheParameters() {
        assertEquals(TpmRc.SIZE, rcOf(noSessions("0000017b", "0008 00")));
    }

    @Test
    void digestListPastItsMaximum() {
        // PCR_Extend with six digests; TPML_DIGEST_VALUES holds at most one per bank.
        assertEquals(TpmRc.SIZE.withParameter(1), rcOf(withPassword("00000182", "00000000", "00000006")));
    }

    @Test
    void pcrSelectionCountPastTheNumberOfBanks() {
        assertEquals(TpmRc.SIZE.withParameter(1), rcOf(noSessions("0000017e", "00000006")));
    }

    @Test
    void pcrSelectSizeOutsideItsLimits() {
        assertEquals(TpmRc.VALUE.withParameter(1), rcOf(noSessions("0000017e", "00000001 000b 04 00000000")));
        assertEquals(TpmRc.VALUE.withParameter(1), rcOf(noSessions("0000017e", "00000001 000b 01 00")));
    }

    @Test
    void digestSizePastItsMaximum() {
        // TPM2_StirRandom takes TPM2B_SENSITIVE_DATA: at most 128 bytes.
        assertEquals(TpmRc.SIZE.withParameter(1), rcOf(noSessions("00000146", "0081" + "00".repeat(0x81))));
    }

    @Test
    void hashAlgorithmThatIsNotAHash() {
        // TPM2_Hash(data, hashAlg = TPM_ALG_AES, hierarchy): the second parameter is wrong.
        assertEquals(TpmRc.HASH.withParameter(2), rcOf(noSessions("0000017d", "0000 0006 40000001")));
    }

    @Test
    void hierarchyHandleAsAParameter() {
        assertEquals(TpmRc.VALUE.withParameter(3), rcOf(noSessions("0000017d", "0000 000b 40000009")));
    }

    @Test
    void aKeySizeNotInTpmiRsaKeyBitsIsTheSecondParameter() {
        String publicArea = "0001 000b 00030072 0000 0006 0080 0043 0010 03e8 00000000 0000";
        assertEquals(TpmRc.VALUE.withParameter(2), rcOf(withPassword("00000131", "40000001",
                "0004 0000 0000 001a " + publicArea + " 0000 00000000")));
    }

    @Test
    void unionSelectorOutsideTheInterfaceType() {
        String publicArea = "0099 000b 00030072 0000 0006 0080 0043 0010 0800 00000000 0000";
        assertEquals(TpmRc.TYPE.withParameter(2), rcOf(withPassword("00000131", "40000001",
                "0004 0000 0000 001a " + publicArea + " 0000 00000000")));
    }

    @Test
    void reservedObjectAttributes() {
        String publicArea = "0001 000b 00030073 0000 0006 0080 0043 0010 0800 00000000 0000";
        assertEquals(TpmRc.RESERVED_BITS.withParameter(2), rcOf(withPassword("00000131", "40000001",
                "0004 0000 0000 001a " + publicArea + " 0000 00000000")));
    }

    @Test
    void sizedStructureShorterThanItsContents() {
        String publicArea = "0001 000b 00030072 0000 0006 0080 0043 0010 0800 00000000 0000";
        assertEquals(TpmRc.SIZE.withParameter(2), rcOf(withPassword("00000131", "40000001",
                "0004 0000 0000 0019 " + publicArea + " 0000 00000000")));
    }

    @Test
    void emptySizedStructure() {
        assertEquals(TpmRc.SIZE.withParameter(2), rcOf(withPassword("00000131", "40000001",
                "0004 0000 0000 0000 0000 00000000")));
    }

    @Test
    void handleOutsideItsInterfaceType() {
        // TPM2_PCR_Extend on a persistent object handle: handle 1 is not a PCR.
        assertEquals(TpmRc.VALUE.withHandle(1), rcOf(withPassword("00000182", "81000001", "00000000")));
    }

    @Test
    void missingAuthorization() {
        assertEquals(TpmRc.AUTH_MISSING, rcOf(noSessions("00000182", "00000000 00000000")));
    }

    @Test
    void authorizationAreaSizes() {
        assertEquals(TpmRc.SIZE, rcOf(sessions("00000182 00000000 00000008 40000009 0000 01 00")));
        assertEquals(TpmRc.SIZE, rcOf(sessions("00000182 00000000 000000ff 40000009 0000 01 0000")));
    }

    @Test
    void badSessionHandleNamesTheSession() {
        String body = "00000182 00000000 00000009 81000000 0000 01 0000 00000000";
        assertEquals(TpmRc.VALUE.withSession(1), rcOf(sessions(body)));
    }

    @Test
    void reservedSessionAttributes() {
        String body = "00000182 00000000 00000009 40000009 0000 09 0000 00000000";
        assertEquals(TpmRc.RESERVED_BITS.withSession(1),
                rcOf(sessions(body)));
    }

    @Test
    void moreThanThreeSessions() {
        String session = "40000009 0000 01 0000 ";
        String body = "00000182 00000000 00000024 " + session.repeat(4) + "00000000";
        assertEquals(TpmRc.SIZE.withSession(4), rcOf(sessions(body)));
    }

    @Test
    void enumerationValuesOutsideTheirType() {
        assertEquals(TpmRc.VALUE.withParameter(1), rcOf(noSessions("00000144", "0002")));
        assertEquals(TpmRc.VALUE.withParameter(1), rcOf(noSessions("0000017a", "00000055 00000000 00000001")));
        assertEquals(TpmRc.VALUE.withParameter(3),
                rcOf(noSessions("00000176", "40000007 40000007 0000 0000 02 0010 000b")));
    }

    @Test
    void aCapabilityWithoutAnArmIsASelectorError() {
        TpmFormatException e = assertThrows(TpmFormatException.class,
                () -> Codecs.unmarshal(CapabilityData.class, hex("00000100 00000000")));
        assertEquals(TpmRc.SELECTOR, e.rc());
    }
}
