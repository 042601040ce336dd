package org.vtpm.tpm.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.vtpm.tpm.command.CommandSpec;
import org.vtpm.tpm.command.Commands;
import org.vtpm.tpm.command.EvictControl;
import org.vtpm.tpm.command.GetRandom;
import org.vtpm.tpm.command.GetRandomResponse;
import org.vtpm.tpm.command.PcrExtend;
import org.vtpm.tpm.command.PcrReset;
import org.vtpm.tpm.command.ReadPublic;
import org.vtpm.tpm.command.ReadPublicResponse;
import org.vtpm.tpm.command.ResponseFraming;
import org.vtpm.tpm.command.Startup;
import org.vtpm.tpm.transport.TpmTransport;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.AuthCommand;
import org.vtpm.tpm.types.AuthResponse;
import org.vtpm.tpm.types.Cc;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.DigestValuesList;
import org.vtpm.tpm.types.EkTemplate;
import org.vtpm.tpm.types.Ha;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.St;
import org.vtpm.tpm.types.Su;
import org.vtpm.tpm.wire.Bytes;
import org.vtpm.tpm.wire.Tpm2b;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmRc;

class TpmTest {

    /** Answers each command with the next canned response and records what it was sent. */
    static final class ScriptedTransport implements TpmTransport {
        final List<byte[]> sent = new ArrayList<>();
        final List<byte[]> responses;
        boolean closed;

        ScriptedTransport(String... responses) {
            this.responses = new ArrayList<>();
            for (String r : responses) {
                this.responses.add(hex(r));
            }
        }

        @Override
        public byte[] transmit(byte[] command) {
            sent.add(command);
            return responses.remove(0);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    @Test
    void executesAndTypesTheResponse() throws Exception {
        ScriptedTransport transport = new ScriptedTransport("8001 00000014 00000000 0008 0102030405060708");
        try (Tpm tpm = new Tpm(transport)) {
            GetRandomResponse response = tpm.execute(new GetRandom(8));
            assertEquals(new Digest(hex("0102030405060708")), response.randomBytes());
        }
        assertArrayEquals(hex("8001 0000000c 0000017b 0008"), transport.sent.get(0));
        assertTrue(transport.closed);
    }

    @Test
    void anErrorCodeBecomesATypedException() {
        ScriptedTransport transport = new ScriptedTransport("8001 0000000a 00000100");
        TpmCommandException e = assertThrows(TpmCommandException.class,
                () -> new Tpm(transport).execute(new Startup(Su.CLEAR)));
        assertEquals(TpmRc.INITIALIZE, e.rc());
        assertEquals(Cc.STARTUP, e.code());
        assertTrue(e.getMessage().contains("TPM_RC_INITIALIZE"), e.getMessage());
    }

    @Test
    void aPasswordSessionAuthorizesAndIsVerified() throws Exception {
        ScriptedTransport transport = new ScriptedTransport("8002 00000013 00000000 00000000 0000 01 0000");
        PcrExtend extend = new PcrExtend(Handle.pcr(16),
                new DigestValuesList(List.of(new Ha(AlgId.SHA1, Bytes.of(new byte[20])))));

        new Tpm(transport).execute(extend, PasswordSession.of("pw"));

        assertArrayEquals(hex("8002 00000037 00000182 00000010 0000000b 40000009 0000 01 0002 7077"
                + " 00000001 0004" + "00".repeat(20)), transport.sent.get(0));
    }

    @Test
    void aPasswordResponseWithAnHmacIsRejected() {
        ScriptedTransport transport = new ScriptedTransport("8002 00000015 00000000 00000000 0000 01 0002 abcd");
        PcrExtend extend = new PcrExtend(Handle.pcr(16), new DigestValuesList(List.of()));
        TpmFormatException e = assertThrows(TpmFormatException.class,
                () -> new Tpm(transport).execute(extend, PasswordSession.empty()));
        assertEquals(TpmRc.VALUE, e.rc());
    }

    @Test
    void aResponseWithTheWrongSizeIsMalformed() {
        ScriptedTransport transport = new ScriptedTransport("8001 00000015 00000000 0008 0102030405060708");
        assertEquals(TpmRc.SIZE, assertThrows(TpmFormatException.class,
                () -> new Tpm(transport).execute(new GetRandom(8))).rc());
    }

    @Test
    void aResponseTagThatDoesNotMatchTheSessionsIsMalformed() {
        ScriptedTransport transport = new ScriptedTransport("8002 00000014 00000000 0008 0102030405060708");
        assertEquals(TpmRc.TAG, assertThrows(TpmFormatException.class,
                () -> new Tpm(transport).execute(new GetRandom(8))).rc());
    }

    @Test
    void tooFewSessionsForTheAuthorizedHandlesIsACallerError() {
        Tpm tpm = new Tpm(new ScriptedTransport());
        assertThrows(IllegalArgumentException.class,
                () -> tpm.execute(new PcrExtend(Handle.pcr(0), new DigestValuesList(List.of()))));
    }

    @Test
    void sessionsSeeTheParametersAndCanEncryptTheFirst() throws Exception {
        ScriptedTransport transport = new ScriptedTransport("8002 00000017 00000000 00000004 0002 0a0b 0000 01 0000");
        List<CommandContext> seen = new ArrayList<>();
        Session flipping = new Session() {
            @Override
            public byte[] encryptParameter(CommandContext context, byte[] firstParameter) {
                byte[] out = firstParameter.clone();
                for (int i = 0; i < out.length; i++) {
                    out[i] ^= (byte) 0xFF;
                }
                return out;
            }

            @Override
            public AuthCommand authorize(CommandContext context) {
                seen.add(context);
                return PasswordSession.empty().authorize(context);
            }

            @Override
            public void verify(ResponseContext context, AuthResponse response) {
                assertEquals(Bytes.fromHex("00020a0b"), context.parameters());
            }

            @Override
            public byte[] decryptParameter(ResponseContext context, byte[] firstParameter) {
                return encryptParameter(null, firstParameter);
            }
        };

        GetRandomResponse response = new Tpm(transport).execute(new GetRandom(2), flipping);

        assertEquals(Bytes.fromHex("0002"), seen.get(0).parameters());
        assertEquals(new Digest(hex("f5f4")), response.randomBytes());
    }

    @Test
    void transportFailuresPropagate() {
        TpmTransport broken = new TpmTransport() {
            @Override
            public byte[] transmit(byte[] command) throws IOException {
                throw new IOException("connection reset");
            }

            @Override
            public void close() {
            }
        };
        assertThrows(IOException.class, () -> new Tpm(broken).execute(new GetRandom(8)));
    }

    private static String readPublicResponse(Public area, Name reportedName) {
        CommandSpec<ReadPublicResponse> spec = Commands.spec(new ReadPublic(Handle.RH_NULL));
        ReadPublicResponse response = new ReadPublicResponse(Tpm2b.of(area), reportedName, Name.EMPTY);
        return HexFormat.of().formatHex(ResponseFraming.encode(St.NO_SESSIONS, List.of(),
                spec.responseParameters(response), List.of()));
    }

    @Test
    void namesOfHandlesComeFromTheHandleOrTheTpm() throws Exception {
        Public ek = EkTemplate.H2.template();
        ScriptedTransport transport = new ScriptedTransport(readPublicResponse(ek, Name.of(ek)));
        Tpm tpm = new Tpm(transport);

        assertEquals(Name.of(ek), tpm.nameOf(new Handle(0x8100_0001)));
        assertEquals(Name.of(Handle.RH_OWNER), tpm.nameOf(Handle.RH_OWNER));
        assertEquals(Name.of(Handle.pcr(7)), tpm.nameOf(Handle.pcr(7)));
        assertEquals(1, transport.sent.size());
    }

    @Test
    void aNameThatDoesNotMatchThePublicAreaIsRejected() {
        Public ek = EkTemplate.H2.template();
        ScriptedTransport transport = new ScriptedTransport(readPublicResponse(ek, Name.of(EkTemplate.H1.template())));
        assertEquals(TpmRc.VALUE, assertThrows(TpmFormatException.class,
                () -> new Tpm(transport).nameOf(new Handle(0x8000_0001))).rc());
    }

    @Test
    void sessionsThatRequireNamesGetThem() throws Exception {
        Public ek = EkTemplate.H2.template();
        ScriptedTransport transport = new ScriptedTransport(readPublicResponse(ek, Name.of(ek)),
                "8002 00000013 00000000 00000000 0000 01 0000");
        List<CommandContext> seen = new ArrayList<>();
        Session naming = new Session() {
            @Override
            public boolean requiresNames() {
                return true;
            }

            @Override
            public AuthCommand authorize(CommandContext context) {
                seen.add(context);
                return PasswordSession.empty().authorize(context);
            }

            @Override
            public void verify(ResponseContext context, AuthResponse response) {
            }
        };

        new Tpm(transport).execute(new EvictControl(Handle.RH_OWNER, new Handle(0x8000_0001),
                new Handle(0x8101_0001)), naming);

        assertEquals(List.of(Name.of(Handle.RH_OWNER), Name.of(ek)), seen.get(0).names());
    }

    @Test
    void passwordSessionsSpareTheNameLookups() throws Exception {
        ScriptedTransport transport = new ScriptedTransport("8002 00000013 00000000 00000000 0000 01 0000");
        new Tpm(transport).execute(new EvictControl(Handle.RH_OWNER, new Handle(0x8000_0001),
                new Handle(0x8101_0001)), PasswordSession.empty());
        assertEquals(1, transport.sent.size());
    }

    @Test
    void retryWarningsAreRetriedWithFreshAuthorizations() throws Exception {
        ScriptedTransport transport = new ScriptedTransport("8001 0000000a 00000922", "8001 0000000a 00000908",
                "8002 00000013 00000000 00000000 0000 01 0000");
        List<CommandContext> authorized = new ArrayList<>();
        Session counting = new Session() {
            @Override
            public AuthCommand authorize(CommandContext context) {
                authorized.add(context);
                return PasswordSession.empty().authorize(context);
            }

            @Override
            public void verify(ResponseContext context, AuthResponse response) {
            }
        };

        new Tpm(transport).execute(new PcrReset(Handle.pcr(16)), counting);

        assertEquals(3, transport.sent.size());
        assertEquals(3, authorized.size());
    }

    @Test
    void retriesGiveUpAfterABoundedNumberOfAttempts() {
        String[] testing = new String[8];
        Arrays.fill(testing, "8001 0000000a 0000090a");
        ScriptedTransport transport = new ScriptedTransport(testing);
        TpmCommandException e = assertThrows(TpmCommandException.class,
                () -> new Tpm(transport).execute(new GetRandom(8)));
        assertEquals(TpmRc.TESTING, e.rc());
        assertEquals(8, transport.sent.size());
    }

    @Test
    void otherWarningsAreNotRetried() {
        ScriptedTransport transport = new ScriptedTransport("8001 0000000a 00000921");
        assertEquals(TpmRc.LOCKOUT, assertThrows(TpmCommandException.class,
                () -> new Tpm(transport).execute(new GetRandom(8))).rc());
        assertEquals(1, transport.sent.size());
    }

    /** Exceptions cross EJB and JCA boundaries, which may serialize them. */
    @Test
    void commandExceptionsSurviveSerialization() throws Exception {
        TpmCommandException original = new TpmCommandException(Cc.QUOTE, TpmRc.HASH.withParameter(2));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(original);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            TpmCommandException copy = (TpmCommandException) in.readObject();
            assertEquals(TpmRc.HASH.withParameter(2), copy.rc());
            assertEquals(Cc.QUOTE, copy.code());
            assertEquals(original.getMessage(), copy.getMessage());
        }
    }
}
