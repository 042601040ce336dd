package org.vtpm.tpm.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vtpm.tpm.engine.state.StateFormatException;

class StateFormatTest {

    private static final String PW = "00000009 40000009 0000 01 0000";
    private static final String READ = "8001 00000000 0000017e 00000003 0004 03 ffffff 000b 03 ffffff 000c 03 ffffff";

    private static Engine used() {
        Engine engine = Engine.manufacture(new SecureRandom());
        engine.process(0, Bytes.command("8001 00000000 00000144 0000"));
        engine.process(0, Bytes.command("8002 00000000 00000182 00000004 " + PW + " 00000001 000b " + "11".repeat(32)));
        engine.process(0, Bytes.command("8002 00000000 0000013c 00000010 " + PW + " 0003 616263"));
        engine.process(0, Bytes.command("8002 00000000 0000012a 40000001 " + PW
                + " 0002 6162 000e 01500000 000b 00060006 0000 0010"));
        engine.process(0, Bytes.command("8002 00000000 00000137 40000001 01500000 " + PW + " 0004 01020304 0002"));
        engine.process(0, Bytes.command("8001 00000000 00000145 0001"));
        return engine;
    }

    @Test
    void saveRestoreSaveIsByteExactAndTheRestoredEngineAnswersTheSame() throws Exception {
        Engine engine = used();
        byte[] saved = engine.saveState();
        Engine restored = Engine.restore(saved);
        assertArrayEquals(saved, restored.saveState());
        assertArrayEquals(engine.process(0, Bytes.command(READ)), restored.process(0, Bytes.command(READ)));
        String nvRead = "8002 00000000 0000014e 40000001 01500000 " + PW + " 0010 0000";
        assertEquals(0, Bytes.responseCode(engine.process(0, Bytes.command(nvRead))));
        assertArrayEquals(engine.process(0, Bytes.command(nvRead)), restored.process(0, Bytes.command(nvRead)));
        assertEquals(engine.shutdownState(), restored.shutdownState());

        restored.tpmInit();
        assertEquals(0, Bytes.responseCode(restored.process(0, Bytes.command("8001 00000000 00000144 0001"))),
                "a restored engine resumes from the Shutdown(STATE) it was saved after");
    }

    @Test
    void aSequenceInProgressSurvivesSaveAndRestore() throws Exception {
        Engine engine = Engine.manufacture(new SecureRandom());
        engine.process(0, Bytes.command("8001 00000000 00000144 0000"));
        engine.process(0, Bytes.command("8001 00000000 00000186 0000 000c"));
        engine.process(0, Bytes.command("8002 00000000 0000015c 80000000 " + PW + " 0003 616263"));
        byte[] saved = engine.saveState();
        Engine restored = Engine.restore(saved);
        assertArrayEquals(saved, restored.saveState());
        String complete = "8002 00000000 0000013e 80000000 " + PW + " 0003 646566 40000007";
        byte[] expected = engine.process(0, Bytes.command(complete));
        assertEquals(0, Bytes.responseCode(expected));
        assertArrayEquals(expected, restored.process(0, Bytes.command(complete)));
    }

    @Test
    void twoEnginesNeverShareSeedsOrRandomStreams() throws Exception {
        byte[] first = Engine.manufacture(new SecureRandom()).saveState();
        byte[] second = Engine.manufacture(new SecureRandom()).saveState();
        assertNotEquals(Bytes.hex(first), Bytes.hex(second));

        Engine a = Engine.restore(first);
        Engine b = Engine.restore(first);
        for (Engine e : new Engine[] {a, b}) {
            e.process(0, Bytes.command("8001 00000000 00000144 0000"));
        }
        byte[] randomA = a.process(0, Bytes.command("8001 00000000 0000017b 0020"));
        byte[] randomB = b.process(0, Bytes.command("8001 00000000 0000017b 0020"));
        assertNotEquals(Bytes.hex(randomA), Bytes.hex(randomB), "a state restored twice must not repeat its randomness");
    }

    @Test
    void headerAndSectionsAreCheckedBeforeUse() throws Exception {
        byte[] saved = used().saveState();
        assertEquals("VTPM", new String(saved, 0, 4, StandardCharsets.US_ASCII));

        byte[] badMagic = saved.clone();
        badMagic[0] = 'X';
        assertThrows(StateFormatException.class, () -> Engine.restore(badMagic));

        byte[] tooNew = saved.clone();
        tooNew[7] = 9;
        StateFormatException e = assertThrows(StateFormatException.class, () -> Engine.restore(tooNew));
        assertTrue(e.getMessage().contains("needs a reader"), e.getMessage());

        Set<Integer> boundaries = new HashSet<>();
        for (int at = 8; at < saved.length; at += 12 + Bytes.u32(saved, at + 8)) {
            boundaries.add(at);
        }
        for (int length = 0; length < saved.length; length += 7) {
            byte[] truncated = Arrays.copyOf(saved, length);
            if (!boundaries.contains(length)) {
                assertThrows(StateFormatException.class, () -> Engine.restore(truncated), "truncated to " + length);
            }
        }
        int objectsEnd = indexOf(saved, "NVIX".getBytes(StandardCharsets.US_ASCII));
        Engine older = Engine.restore(Arrays.copyOf(saved, objectsEnd));
        assertTrue(older.saveState().length > objectsEnd, "a state from before NV indices existed still loads");
    }

    @Test
    void sectionsOfLaterVersionsAreSkippedWhenOptionalAndRefusedWhenNot() throws Exception {
        byte[] saved = used().saveState();
        byte[] optional = withExtraSection(saved, "NEWS", 1);
        assertArrayEquals(saved, Engine.restore(optional).saveState());

        byte[] pcrsFromTheFuture = saved.clone();
        int pcrs = indexOf(saved, "PCRS".getBytes(StandardCharsets.US_ASCII));
        pcrsFromTheFuture[pcrs + 6] = 0;
        pcrsFromTheFuture[pcrs + 7] = 2;
        assertThrows(StateFormatException.class, () -> Engine.restore(pcrsFromTheFuture));
    }

    private static byte[] withExtraSection(byte[] saved, String tag, int minVersion) {
        byte[] body = {1, 2, 3};
        byte[] out = Arrays.copyOf(saved, saved.length + 12 + body.length);
        int at = saved.length;
        for (int i = 0; i < 4; i++) {
            out[at + i] = (byte) tag.charAt(i);
        }
        out[at + 5] = 1;
        out[at + 7] = (byte) minVersion;
        out[at + 11] = (byte) body.length;
        System.arraycopy(body, 0, out, at + 12, body.length);
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
