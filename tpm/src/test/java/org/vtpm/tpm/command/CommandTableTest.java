package org.vtpm.tpm.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.vtpm.tpm.types.Cc;
import org.vtpm.tpm.types.CcAttributes;

class CommandTableTest {

    private static int attributes(Cc code) {
        return Commands.spec(code).orElseThrow().attributes().value();
    }

    /** TPMA_CC values as swtpm 0.7.1 (libtpms) reports them with GetCapability(TPM_CAP_COMMANDS). */
    @Test
    void commandAttributesMatchTheReferenceImplementation() {
        assertEquals(0x1200_0131, attributes(Cc.CREATE_PRIMARY));
        assertEquals(0x0440_0120, attributes(Cc.EVICT_CONTROL));
        assertEquals(0x02C0_0126, attributes(Cc.CLEAR));
        assertEquals(0x0300_013E, attributes(Cc.SEQUENCE_COMPLETE));
        assertEquals(0x1000_0161, attributes(Cc.CONTEXT_LOAD));
        assertEquals(0x0000_0165, attributes(Cc.FLUSH_CONTEXT));
        assertEquals(0x0540_0185, attributes(Cc.EVENT_SEQUENCE_COMPLETE));
    }

    @Test
    void everyCommandIsFoundByCodeAndByRecord() {
        Set<Integer> indices = new HashSet<>();
        for (CommandSpec<?> spec : Commands.all()) {
            assertEquals(spec, Commands.spec(spec.code()).orElseThrow());
            CcAttributes attributes = spec.attributes();
            assertTrue(indices.add(attributes.commandIndex()), spec.code().toString());
            assertEquals(spec.handleCount(), attributes.cHandles(), spec.code().toString());
            assertTrue(spec.authHandleCount() <= spec.handleCount(), spec.code().toString());
        }
        assertEquals(103, indices.size());
    }

    @Test
    void authorizationRolesFollowPart3() {
        assertEquals(List.of(AuthRole.ADMIN, AuthRole.USER), Commands.spec(Cc.ACTIVATE_CREDENTIAL)
                .orElseThrow().authRoles());
        assertEquals(List.of(AuthRole.DUP, AuthRole.NONE), Commands.spec(Cc.DUPLICATE)
                .orElseThrow().authRoles());
        assertEquals(List.of(AuthRole.USER, AuthRole.NONE, AuthRole.NONE), Commands.spec(Cc.POLICY_NV)
                .orElseThrow().authRoles());
        assertEquals(List.of(), Commands.spec(Cc.FLUSH_CONTEXT).orElseThrow().authRoles());
    }
}
