package org.vtpm.tpm.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.InputStream;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

/**
 * The hierarchy section of the state format: what hierarchy control changes survives a save and
 * restore, and a state written before that section's layout 2 (disableClear) still loads.
 */
class HierarchyStateTest {

    private static final String PW = "00000009 40000009 0000 01 0000";
    private static final String LOCKOUT_PW = "0000000b 40000009 0000 01 0002 6c6b";
    private static final String STARTUP_CLEAR = "8001 00000000 00000144 0000";
    private static final String CLEAR_BY_LOCKOUT = "8002 00000000 00000126 4000000a " + LOCKOUT_PW;
    private static final String DISABLE_CLEAR = "8002 00000000 00000127 4000000a " + LOCKOUT_PW + " 01";
    private static final String LOCKOUT_AUTH = "8002 00000000 00000129 4000000a " + PW + " 0002 6c6b";
    private static final String OWNER_AUTH = "8002 00000000 00000129 40000001 " + PW + " 0002 6f77";
    private static final String NV_READ_PUBLIC = "8001 00000000 00000169 01500000";
    private static final int DISABLED = 0x120;

    private static int rc(Engine engine, String command) {
        return Bytes.responseCode(engine.process(0, Bytes.command(command)));
    }

    @Test
    void authValuesAndDisableClearSurviveSaveAndRestore() throws Exception {
        Engine engine = Engine.manufacture(new SecureRandom());
        assertEquals(0, rc(engine, STARTUP_CLEAR));
        assertEquals(0, rc(engine, LOCKOUT_AUTH));
        assertEquals(0, rc(engine, OWNER_AUTH));
        assertEquals(0, rc(engine, DISABLE_CLEAR));
        byte[] saved = engine.saveState();
        Engine restored = Engine.restore(saved);
        assertArrayEquals(saved, restored.saveState());
        assertEquals(DISABLED, rc(restored, CLEAR_BY_LOCKOUT));
        assertEquals(0x9a2, rc(restored, "8002 00000000 00000129 40000001 " + PW + " 0000"),
                "the owner authValue came back too");
    }

    @Test
    void aStateOfTheFirstLayoutLoadsWithClearEnabled() throws Exception {
        byte[] first;
        try (InputStream in = HierarchyStateTest.class.getResourceAsStream("state-format-1.bin")) {
            first = in.readAllBytes();
        }
        Engine engine = Engine.restore(first);
        engine.tpmInit();
        assertEquals(0, rc(engine, "8001 00000000 00000144 0001"), "it resumes from its Shutdown(STATE)");
        assertEquals(0, rc(engine, NV_READ_PUBLIC), "its NV index is there");
        assertEquals(0, rc(engine, "8002 00000000 00000126 4000000a " + PW));
        assertNotEquals(0, rc(engine, NV_READ_PUBLIC), "and Clear removed it");
        byte[] second = engine.saveState();
        assertArrayEquals(second, Engine.restore(second).saveState(), "and is saved in the current layout");
    }
}
