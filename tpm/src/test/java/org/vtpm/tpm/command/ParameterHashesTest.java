package org.vtpm.tpm.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.vtpm.tpm.command.KnownAnswerTest.hex;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.vtpm.tpm.client.CommandContext;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.Cc;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.wire.Bytes;
import org.vtpm.tpm.wire.TpmRc;

/**
 * The digests over the concatenations Part 1 gives. (Checked against swtpm through an HMAC
 * session while developing: it accepted the cpHash and its response HMACs verified over rpHash.)
 */
class ParameterHashesTest {

    @Test
    void cpHashCoversCodeNamesAndParameters() {
        Name nv = new Name(hex("000b" + "11".repeat(32)));
        byte[] parameters = hex("0004 68656c6c 0000");
        byte[] expected = HashAlgorithm.SHA256.hash(hex("00000137"), nv.buffer(), nv.buffer(), parameters);
        assertArrayEquals(expected, ParameterHashes.cpHash(HashAlgorithm.SHA256, Cc.NV_WRITE, List.of(nv, nv),
                parameters));
    }

    @Test
    void rpHashCoversResponseCodeCommandCodeAndParameters() {
        byte[] parameters = hex("0002 abcd");
        byte[] expected = HashAlgorithm.SHA384.hash(hex("00000000 0000014e"), parameters);
        assertArrayEquals(expected, ParameterHashes.rpHash(HashAlgorithm.SHA384, TpmRc.SUCCESS, Cc.NV_READ,
                parameters));
    }

    @Test
    void aContextWithoutNamesCannotGiveACpHash() {
        CommandContext context = new CommandContext(Cc.UNSEAL, List.of(new Handle(0x8000_0000)), List.of(),
                Bytes.empty());
        assertThrows(IllegalStateException.class, () -> context.cpHash(HashAlgorithm.SHA256));
        CommandContext noHandles = new CommandContext(Cc.GET_RANDOM, List.of(), List.of(), Bytes.fromHex("0008"));
        assertArrayEquals(HashAlgorithm.SHA1.hash(hex("0000017b 0008")), noHandles.cpHash(HashAlgorithm.SHA1));
    }
}
