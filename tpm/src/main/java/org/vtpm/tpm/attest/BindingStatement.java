package org.vtpm.tpm.attest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.TpmLimits;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.TpmReader;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * The manager's statement that a vTPM runs on a host, identified by their attestation keys' names.
 * Deep attestation accepts a vTPM quote and a host quote as one only with this statement, signed
 * by a key the verifier trusts (the manager CA's).
 *
 * <p>Its canonical encoding, the bytes that are signed, is big-endian like TPM structures:
 * {@code UINT32 magic "vBND" || UINT16 version (1) || UINT16 size || vtpmId (UTF-8) ||
 * UINT16 size || hostId (UTF-8) || TPM2B_NAME vtpmAk || TPM2B_NAME hostAk ||
 * UINT64 issuedAt (milliseconds since the epoch)}. Decoding accepts exactly that encoding and no
 * other, so one statement has one signed form.
 */
public record BindingStatement(String vtpmId, String hostId, Name vtpmAk, Name hostAk, Instant issuedAt) {

    static final int MAGIC = 0x76424E44;
    static final int VERSION = 1;
    /** Longest id in bytes of UTF-8: ids are database keys, far shorter. */
    public static final int MAX_ID_SIZE = 255;

    public BindingStatement {
        Objects.requireNonNull(vtpmAk, "vtpmAk");
        Objects.requireNonNull(hostAk, "hostAk");
        Objects.requireNonNull(issuedAt, "issuedAt");
        checkId(vtpmId, "vtpmId");
        checkId(hostId, "hostId");
    }

    private static void checkId(String id, String what) {
        Objects.requireNonNull(id, what);
        if (id.isEmpty() || id.getBytes(StandardCharsets.UTF_8).length > MAX_ID_SIZE) {
            throw new IllegalArgumentException(what + " must have 1 to " + MAX_ID_SIZE + " bytes of UTF-8");
        }
    }

    /** The canonical bytes, which the trusted key signs. */
    public byte[] encode() {
        TpmWriter out = new TpmWriter().writeU32(MAGIC).writeU16(VERSION);
        sized(out, vtpmId.getBytes(StandardCharsets.UTF_8));
        sized(out, hostId.getBytes(StandardCharsets.UTF_8));
        sized(out, vtpmAk.buffer());
        sized(out, hostAk.buffer());
        return out.writeU64(issuedAt.toEpochMilli()).toByteArray();
    }

    /** Reads a statement in its canonical encoding. */
    public static BindingStatement decode(byte[] bytes) throws TpmFormatException {
        TpmReader in = new TpmReader(bytes);
        if (in.readU32() != MAGIC) {
            throw new TpmFormatException(TpmRc.TAG, "not a binding statement");
        }
        int version = in.readU16();
        if (version != VERSION) {
            throw new TpmFormatException(TpmRc.VALUE, "binding statement version " + version + " is not known");
        }
        String vtpmId = id(in);
        String hostId = id(in);
        Name vtpmAk = name(in);
        Name hostAk = name(in);
        long issuedAt = in.readU64();
        in.requireEnd();
        BindingStatement statement = new BindingStatement(vtpmId, hostId, vtpmAk, hostAk,
                Instant.ofEpochMilli(issuedAt));
        if (!Arrays.equals(statement.encode(), bytes)) {
            throw new TpmFormatException(TpmRc.VALUE, "the binding statement is not in canonical form");
        }
        return statement;
    }

    private static void sized(TpmWriter out, byte[] bytes) {
        out.writeU16(bytes.length).writeBytes(bytes);
    }

    private static String id(TpmReader in) throws TpmFormatException {
        int size = in.readU16();
        if (size == 0 || size > MAX_ID_SIZE) {
            throw new TpmFormatException(TpmRc.SIZE, "an id of " + size + " bytes in a binding statement");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(in.readBytes(size))).toString();
        } catch (CharacterCodingException e) {
            throw new TpmFormatException(TpmRc.VALUE, "an id in a binding statement is not UTF-8");
        }
    }

    private static Name name(TpmReader in) throws TpmFormatException {
        int size = in.readU16();
        if (size > TpmLimits.SIZEOF_TPMT_HA) {
            throw new TpmFormatException(TpmRc.SIZE, "a name of " + size + " bytes in a binding statement");
        }
        return new Name(in.readBytes(size));
    }
}
