package org.vtpm.tpm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Bounded fuzzing: random buffers and mutations of valid commands. Every answer must be a
 * well-formed response (header size equals length, a valid tag), quickly, and the engine must keep
 * working and keep a savable state afterwards.
 */
class FuzzTest {

    private static final String PW = "00000009 40000009 0000 01 0000";
    static final List<byte[]> SEEDS = List.of(
            Bytes.command("8001 00000000 0000017b 0020"),
            Bytes.command("8001 00000000 0000017e 00000002 000b 03 ffffff 0004 03 0f0000"),
            Bytes.command("8002 00000000 00000182 00000010 " + PW + " 00000002 000b " + "ab".repeat(32)
                    + " 0004 " + "cd".repeat(20)),
            Bytes.command("8002 00000000 0000013c 00000010 " + PW + " 0004 01020304"),
            Bytes.command("8002 00000000 0000013d 00000010 " + PW),
            Bytes.command("8001 00000000 0000017a 00000006 00000100 00000020"),
            Bytes.command("8001 00000000 0000017a 00000002 00000000 00000100"),
            Bytes.command("8001 00000000 0000017d 0003 616263 000b 40000001"),
            Bytes.command("8001 00000000 00000146 0004 01020304"),
            Bytes.command("8001 00000000 00000142 00000002 0004 000b"),
            Bytes.command("8001 00000000 00000145 0001"),
            Bytes.command("8001 00000000 00000186 0000 000b"),
            Bytes.command("8002 00000000 0000015c 80000000 " + PW + " 0003 616263"),
            Bytes.command("8002 00000000 0000013e 80000000 " + PW + " 0003 646566 40000001"),
            Bytes.command("8001 00000000 00000186 0000 0010"),
            Bytes.command("8002 00000000 00000185 00000010 80000000 "
                    + "00000012 40000009 0000 01 0000 40000009 0000 01 0000 0000"),
            Bytes.command("8002 00000000 0000012a 40000001 " + PW + " 0000 000e 01500000 000b 00060006 0000 0010"),
            Bytes.command("8002 00000000 00000137 40000001 01500000 " + PW + " 0004 01020304 0002"),
            Bytes.command("8002 00000000 0000014e 40000001 01500000 " + PW + " 0008 0000"),
            Bytes.command("8002 00000000 00000131 40000001 " + PW + " 0004 0000 0000 0018 0023 000b 00040472 0000 "
                    + "0010 0018 000b 0003 0010 0000 0000 0000 00000000"),
            Bytes.command("8001 00000000 00000181"),
            Bytes.command("8001 00000000 00000165 80000000"),
            Bytes.command("8001 00000000 00000176 40000007 40000007 0010 " + "11".repeat(16)
                    + " 0000 00 0006 0080 0043 000b"),
            Bytes.command("8001 00000000 00000165 02000000"),
            Bytes.command("8001 00000000 0000018a 0023 0010 0018 000b 0004 0010"),
            Bytes.command("8001 00000000 00000178 0003"),
            Bytes.command("8002 00000000 00000191 40000001 " + PW + " 0004 0000 0000 0018 0023 000b 00040472 0000 "
                    + "0010 0018 000b 0003 0010 0000 0000"),
            Bytes.command("8001 00000000 00000176 40000007 40000007 0010 " + "11".repeat(16) + " 0000 01 0010 000b"),
            Bytes.command("8001 00000000 0000016f 03000000 03"),
            Bytes.command("8001 00000000 00000165 03000000"),
            Bytes.command("8002 00000000 00000140 40000001 " + PW + " 0010 00000001 0000017d 00000000"),
            Bytes.command("8002 00000000 00000133 4000000b 40000007 00000012 40000009 0000 01 0000 "
                    + "40000009 0000 01 0000 0000 0010"),
            Bytes.command("8002 00000000 00000130 40000001 " + PW + " 01"),
            Bytes.command("8002 00000000 0000012b 4000000c " + PW + " 00000001 000b 03 ffffff"),
            Bytes.command("8002 00000000 00000183 00000014 " + PW + " 0002 6162"),
            Bytes.command("8002 00000000 00000132 40000001 " + PW));

    @Test
    void anyInputGivesAWellFormedResponse() throws Exception {
        Engine engine = Engine.manufacture(new SecureRandom());
        engine.process(0, Bytes.command("8001 00000000 00000144 0000"));
        Random random = new Random(20261127L);
        long deadline = System.nanoTime() + 20_000_000_000L;
        for (int i = 0; i < 30_000 && System.nanoTime() < deadline; i++) {
            byte[] input = i % 4 == 0 ? randomBytes(random) : mutate(SEEDS.get(random.nextInt(SEEDS.size())), random);
            byte[] response = engine.process(random.nextInt(6), input);
            assertWellFormed(input, response);
            if (i % 5000 == 0) {
                engine.tpmInit();
                engine.process(0, Bytes.command("8001 00000000 00000144 0000"));
            }
        }
        Engine restored = Engine.restore(engine.saveState());
        assertEquals(engine.saveState().length, restored.saveState().length);
        byte[] random8 = restored.process(0, Bytes.command("8001 00000000 0000017b 0008"));
        assertTrue(Bytes.responseCode(random8) == 0 || Bytes.responseCode(random8) == 0x100);
    }

    private static void assertWellFormed(byte[] input, byte[] response) {
        String context = "input " + Bytes.hex(input);
        assertTrue(response.length >= 10, context);
        assertEquals(response.length, Bytes.u32(response, 2), context);
        int tag = (response[0] & 0xFF) << 8 | (response[1] & 0xFF);
        assertTrue(tag == 0x8001 || tag == 0x8002, context);
        if (Bytes.responseCode(response) != 0) {
            assertEquals(10, response.length, context);
        }
    }

    private static byte[] randomBytes(Random random) {
        byte[] b = new byte[random.nextInt(64)];
        random.nextBytes(b);
        if (b.length >= 6 && random.nextBoolean()) {
            b[0] = (byte) 0x80;
            b[1] = (byte) (random.nextBoolean() ? 1 : 2);
            b[2] = 0;
            b[3] = 0;
            b[4] = (byte) (b.length >>> 8);
            b[5] = (byte) b.length;
        }
        return b;
    }

    /** Flips, overwrites, truncates or extends a valid command, usually keeping its size field consistent. */
    private static byte[] mutate(byte[] seed, Random random) {
        byte[] b = seed.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            switch (random.nextInt(4)) {
                case 0 -> b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                case 1 -> b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                case 2 -> b = Arrays.copyOf(b, Math.max(0, b.length - 1 - random.nextInt(8)));
                default -> b = Arrays.copyOf(b, b.length + 1 + random.nextInt(8));
            }
            if (b.length == 0) {
                return b;
            }
        }
        if (b.length >= 6 && random.nextInt(4) != 0) {
            b[2] = (byte) (b.length >>> 24);
            b[3] = (byte) (b.length >>> 16);
            b[4] = (byte) (b.length >>> 8);
            b[5] = (byte) b.length;
        }
        return b;
    }
}
