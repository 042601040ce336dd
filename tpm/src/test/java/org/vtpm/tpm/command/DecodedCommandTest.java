package org.vtpm.tpm.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.vtpm.tpm.command.KnownAnswerTest.EMPTY_PASSWORD;
import static org.vtpm.tpm.command.KnownAnswerTest.SRK_TEMPLATE;
import static org.vtpm.tpm.command.KnownAnswerTest.hex;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.SensitiveCreate;
import org.vtpm.tpm.types.SensitiveData;
import org.vtpm.tpm.wire.Tpm2b;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmRc;

/** The engine's order: framing, then authorization over raw parameters, then decryption, then parsing. */
class DecodedCommandTest {

    private static byte[] flip(byte[] bytes) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] ^= (byte) 0xA5;
        }
        return out;
    }

    @Test
    void anEncryptedFirstParameterIsParsedOnlyOnceDecrypted() throws TpmFormatException {
        CreatePrimary command = new CreatePrimary(Handle.RH_OWNER,
                Tpm2b.of(new SensitiveCreate(new Auth(hex("0102")), new SensitiveData(hex("cafe")))),
                Tpm2b.of(SRK_TEMPLATE), Data.EMPTY, PcrSelectionList.EMPTY);
        CommandSpec<CreatePrimaryResponse> spec = Commands.spec(command);
        byte[] plain = spec.parameters(command);
        byte[] encrypted = FirstParameter.replace(plain, flip(FirstParameter.contents(plain)));

        DecodedCommand decoded = CommandFraming.decode(
                CommandFraming.encode(spec.code(), spec.handles(command), List.of(EMPTY_PASSWORD), encrypted));

        assertArrayEquals(encrypted, decoded.parameters().toByteArray());
        assertEquals(TpmRc.SIZE.withParameter(1), assertThrows(TpmFormatException.class, decoded::command).rc());
        byte[] decrypted = FirstParameter.replace(encrypted, flip(FirstParameter.contents(encrypted)));
        assertEquals(command, decoded.command(decrypted));
    }

    @Test
    void firstParameterBounds() {
        assertEquals(TpmRc.INSUFFICIENT, assertThrows(TpmFormatException.class,
                () -> FirstParameter.contents(new byte[1])).rc());
        assertEquals(TpmRc.INSUFFICIENT.withParameter(1), assertThrows(TpmFormatException.class,
                () -> FirstParameter.contents(hex("0003 0102"))).rc());
        assertThrows(IllegalArgumentException.class, () -> FirstParameter.replace(hex("0002 0102"), new byte[3]));
    }
}
