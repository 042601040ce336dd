package org.vtpm.tpm.engine.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.Cc;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.Se;
import org.vtpm.tpm.types.SymDef;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmReader;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * The session sections: version 2 carries policy and audit state and the exclusive audit
 * session; a version-1 section (HMAC sessions only) still loads; malformed policy state is refused.
 */
class SessionSlotsFormatTest {

    private static final HashAlgorithm SHA256 = HashAlgorithm.SHA256;

    private static StateReader.Section section(int version, byte[] body) {
        return new StateReader.Section(version, new TpmReader(body));
    }

    @Test
    void aPolicySessionAndAnAuditSessionSurviveTheCurrentVersion() throws Exception {
        SessionSlots slots = SessionSlots.empty();
        PolicyState policy = PolicyState.start(SHA256, false, 1234, 0);
        policy.update(Cc.POLICY_PCR, new byte[] {1, 2});
        policy.requireAuthValue(true);
        policy.commandCode(Cc.UNSEAL.value());
        policy.bind(PolicyState.Binding.NAME_HASH, new byte[32]);
        policy.pcrCounter(7);
        policy.limitTimeout(99_000);
        policy.nvWritten(false);
        policy.locality(0x05);
        policy.requirePhysicalPresence();
        Handle policyHandle = slots.add(new AuthSession(SHA256, SymDef.NULL, new byte[0], new byte[32], policy))
                .orElseThrow();
        AuthSession hmac = new AuthSession(SHA256, SymDef.NULL, new byte[32], Name.EMPTY, new byte[16]);
        hmac.startAudit();
        hmac.extendAudit(new byte[32], new byte[32]);
        Handle hmacHandle = slots.add(hmac).orElseThrow();
        slots.exclusiveAudit(Optional.of(hmacHandle));
        TpmWriter out = new TpmWriter();
        slots.write(out);

        SessionSlots read = SessionSlots.read(section(SessionSlots.VERSION, out.toByteArray()));
        assertEquals(0x03, policyHandle.value() >>> 24);
        AuthSession session = read.get(policyHandle).orElseThrow();
        assertEquals(Se.POLICY, session.type());
        PolicyState back = session.policy().orElseThrow();
        assertArrayEquals(policy.digest(), back.digest());
        assertTrue(back.passwordNeeded());
        assertEquals(Cc.UNSEAL.value(), back.commandCode());
        assertEquals(PolicyState.Binding.NAME_HASH, back.binding());
        assertEquals(Optional.of(7), back.pcrCounter());
        assertEquals(99_000, back.timeout());
        assertEquals(Optional.of(false), back.nvWritten());
        assertEquals(1234, back.startTime());
        assertEquals(0x05, back.locality());
        assertTrue(back.physicalPresenceRequired());
        assertTrue(read.get(new Handle(0x0200_0000 | policyHandle.index())).isEmpty(), "not under an HMAC handle");
        assertArrayEquals(hmac.auditDigest(), read.get(hmacHandle).orElseThrow().auditDigest());
        assertEquals(Optional.of(hmacHandle), read.exclusiveAudit());
    }

    @Test
    void aVersion1SectionOfHmacSessionsStillLoads() throws Exception {
        TpmWriter out = new TpmWriter().writeU8(1).writeU8(2).writeU16(SHA256.algId());
        StateFields.writeBytes(out, Codecs.marshal(SymDef.NULL));
        StateFields.writeBytes(out, new byte[32]);
        StateFields.writeBytes(out, new byte[0]);
        StateFields.writeBytes(out, new byte[32]);

        SessionSlots read = SessionSlots.read(section(1, out.toByteArray()));
        AuthSession session = read.get(new Handle(0x0200_0002)).orElseThrow();
        assertEquals(Se.HMAC, session.type());
        assertFalse(session.isAudit());
        assertEquals(Optional.empty(), read.exclusiveAudit());
    }

    @Test
    void policyStateThatCannotBeRightIsRefused() throws TpmFormatException {
        TpmWriter out = new TpmWriter().writeU8(1).writeU8(0);
        new AuthSession(SHA256, SymDef.NULL, new byte[0], new byte[32], PolicyState.start(SHA256, true, 0, 0))
                .write(out);
        byte[] session = out.toByteArray();
        byte[] valid = out.writeU8(0xFF).writeU64(0).toByteArray();
        assertTrue(assertDoesNotThrow(() -> SessionSlots.read(section(SessionSlots.VERSION, valid)))
                .get(new Handle(0x0300_0000)).isPresent());
        // Version 2 ends a policy session at its audit state, before the locality and presence conditions.
        byte[] version2 = new TpmWriter().writeBytes(Arrays.copyOf(session, session.length - 2)).writeU8(0xFF)
                .writeU64(0).toByteArray();
        PolicyState fromVersion2 = SessionSlots.read(section(2, version2)).get(new Handle(0x0300_0000))
                .flatMap(AuthSession::policy).orElseThrow();
        assertEquals(0, fromVersion2.locality());
        byte[] wrongType = valid.clone();
        int typeAt = 2 + 2 + 2 + Codecs.marshal(SymDef.NULL).length + 2 + 2 + 2 + 32;
        assertEquals(Se.TRIAL.value(), wrongType[typeAt]);
        wrongType[typeAt] = (byte) Se.POLICY.value();
        assertThrows(TpmFormatException.class, () -> SessionSlots.read(section(SessionSlots.VERSION, wrongType)));
        byte[] badBinding = valid.clone();
        badBinding[typeAt + 1 + 1 + 2 + 32 + 1 + 1 + 4] = 9;
        assertThrows(TpmFormatException.class, () -> SessionSlots.read(section(SessionSlots.VERSION, badBinding)));
    }
}
