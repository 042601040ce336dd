package org.vtpm.tpm.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.vtpm.tpm.testing.RandomValues;
import org.vtpm.tpm.types.AuthCommand;
import org.vtpm.tpm.types.AuthResponse;
import org.vtpm.tpm.types.St;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmRc;

/** Every command and response of the table, through both sides of the framing. */
class FramingPropertiesTest {

    @Provide
    Arbitrary<CommandSpec<?>> specs() {
        return Arbitraries.of(Commands.all());
    }

    @Property(tries = 1000)
    void commandsRoundTrip(@ForAll("specs") CommandSpec<?> spec, @ForAll long seed) throws TpmFormatException {
        RandomValues random = new RandomValues(seed);
        TpmCommand<?> command = (TpmCommand<?>) random.next(spec.commandType());
        List<AuthCommand> auths = authorizations(random, spec, seed);
        byte[] buffer = encode(command, auths);

        DecodedCommand decoded = CommandFraming.decode(buffer);

        assertEquals(command, decoded.command());
        assertEquals(auths, decoded.authorizations());
        assertEquals(auths.isEmpty() ? St.NO_SESSIONS : St.SESSIONS, decoded.tag());
        assertEquals(spec.code(), decoded.spec().code());
    }

    @Property(tries = 1000)
    void responsesRoundTrip(@ForAll("specs") CommandSpec<?> spec, @ForAll long seed) throws TpmFormatException {
        roundTripResponse(spec, seed);
    }

    private static <R extends TpmResponse> void roundTripResponse(CommandSpec<R> spec, long seed)
            throws TpmFormatException {
        RandomValues random = new RandomValues(seed);
        R response = random.next(spec.responseType());
        List<AuthResponse> auths = new ArrayList<>();
        int sessions = new Random(seed).nextInt(4);
        for (int i = 0; i < sessions; i++) {
            auths.add(random.next(AuthResponse.class));
        }
        byte[] buffer = ResponseFraming.encode(sessions > 0 ? St.SESSIONS : St.NO_SESSIONS,
                spec.responseHandles(response), spec.responseParameters(response), auths);

        DecodedResponse decoded = ResponseFraming.decode(buffer, spec.responseHandleCount(), sessions);

        assertEquals(TpmRc.SUCCESS, decoded.rc());
        assertEquals(auths, decoded.authorizations());
        assertEquals(response, spec.readResponse(decoded.handles(), decoded.parameters().toByteArray()));
    }

    /**
     * Any mutation of a valid command buffer either decodes or fails with a response code: no
     * unchecked exception, whatever the bytes.
     */
    @Property(tries = 3000)
    void mutatedCommandsFailOnlyWithResponseCodes(@ForAll("specs") CommandSpec<?> spec, @ForAll long seed) {
        RandomValues random = new RandomValues(seed);
        TpmCommand<?> command = (TpmCommand<?>) random.next(spec.commandType());
        byte[] buffer = mutate(encode(command, authorizations(random, spec, seed)), new Random(seed));
        try {
            CommandFraming.decode(buffer).command();
        } catch (TpmFormatException e) {
            assertTrue(e.rc().value() != 0);
        }
    }

    /** The same for responses, as a client sees them. */
    @Property(tries = 2000)
    void mutatedResponsesFailOnlyWithResponseCodes(@ForAll("specs") CommandSpec<?> spec, @ForAll long seed) {
        mutateResponse(spec, seed);
    }

    private static <R extends TpmResponse> void mutateResponse(CommandSpec<R> spec, long seed) {
        R response = new RandomValues(seed).next(spec.responseType());
        byte[] buffer = ResponseFraming.encode(St.NO_SESSIONS, spec.responseHandles(response),
                spec.responseParameters(response), List.of());
        byte[] mutated = mutate(buffer, new Random(seed));
        try {
            DecodedResponse decoded = ResponseFraming.decode(mutated, spec.responseHandleCount(), 0);
            if (decoded.rc().isSuccess()) {
                spec.readResponse(decoded.handles(), decoded.parameters().toByteArray());
            }
        } catch (TpmFormatException e) {
            assertTrue(e.rc().value() != 0);
        }
    }

    /** Truncating a command at any offset, with its size field kept consistent, is a located error. */
    @Property(tries = 300)
    void truncatedCommandsAreInsufficientOrSize(@ForAll("specs") CommandSpec<?> spec, @ForAll long seed) {
        RandomValues random = new RandomValues(seed);
        TpmCommand<?> command = (TpmCommand<?>) random.next(spec.commandType());
        byte[] full = encode(command, authorizations(random, spec, seed));
        for (int length = CommandFraming.HEADER_SIZE; length < full.length; length++) {
            byte[] cut = Arrays.copyOf(full, length);
            patchSize(cut);
            try {
                CommandFraming.decode(cut).command();
                throw new AssertionError("a truncated " + spec.code() + " decoded at length " + length);
            } catch (TpmFormatException e) {
                TpmRc base = e.rc().base();
                assertTrue(base.equals(TpmRc.INSUFFICIENT) || base.equals(TpmRc.SIZE)
                        || base.equals(TpmRc.AUTH_MISSING), e.getMessage());
            }
        }
    }

    static List<AuthCommand> authorizations(RandomValues random, CommandSpec<?> spec, long seed) {
        int count = Math.max(spec.authHandleCount(), new Random(seed).nextInt(3));
        List<AuthCommand> auths = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            auths.add(random.next(AuthCommand.class));
        }
        return auths;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static byte[] encode(TpmCommand<?> command, List<AuthCommand> auths) {
        CommandSpec spec = Commands.spec((TpmCommand) command);
        return CommandFraming.encode(spec.code(), spec.handles((TpmCommand) command), auths,
                spec.parameters((TpmCommand) command));
    }

    private static byte[] mutate(byte[] buffer, Random random) {
        byte[] out = buffer.clone();
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            switch (random.nextInt(5)) {
                case 0:
                    out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
                    break;
                case 1:
                    out[random.nextInt(out.length)] = (byte) random.nextInt(256);
                    break;
                case 2:
                    out = Arrays.copyOf(out, random.nextInt(out.length + 1));
                    if (out.length == 0) {
                        return out;
                    }
                    break;
                case 3:
                    int at = random.nextInt(out.length);
                    byte[] longer = Arrays.copyOf(out, out.length + 1);
                    System.arraycopy(out, at, longer, at + 1, out.length - at);
                    longer[at] = (byte) random.nextInt(256);
                    out = longer;
                    break;
                default:
                    int pos = random.nextInt(out.length);
                    out[pos] = (byte) 0xFF;
                    if (pos + 1 < out.length) {
                        out[pos + 1] = (byte) 0xFF;
                    }
            }
            if (random.nextBoolean() && out.length >= 6) {
                patchSize(out);
            }
        }
        return out;
    }

    private static void patchSize(byte[] buffer) {
        int size = buffer.length;
        buffer[2] = (byte) (size >>> 24);
        buffer[3] = (byte) (size >>> 16);
        buffer[4] = (byte) (size >>> 8);
        buffer[5] = (byte) size;
    }
}
