package org.vtpm.tpm.command;

import java.util.ArrayList;
import java.util.List;

import org.vtpm.tpm.types.AuthResponse;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.St;
import org.vtpm.tpm.types.TpmLimits;
import org.vtpm.tpm.wire.Bytes;
import org.vtpm.tpm.wire.Codec;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.TpmReader;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * The response buffer layout (Part 1, 18.3): header (tag, responseSize, responseCode), then on
 * success the handle area, parameterSize when the tag is TPM_ST_SESSIONS, the parameter area and
 * the TPMS_AUTH_RESPONSEs.
 */
public final class ResponseFraming {

    private static final Codec<AuthResponse> AUTH = Codecs.of(AuthResponse.class);

    private ResponseFraming() {
    }

    /** A successful response with the same tag as its command. */
    public static byte[] encode(St tag, List<Handle> handles, byte[] parameters, List<AuthResponse> authorizations) {
        boolean sessions = tag.equals(St.SESSIONS);
        if (!sessions && !authorizations.isEmpty()) {
            throw new IllegalArgumentException("authorizations in a TPM_ST_NO_SESSIONS response");
        }
        TpmWriter out = new TpmWriter(CommandFraming.HEADER_SIZE + 4 + parameters.length + 80);
        out.writeU16(tag.value());
        out.writeU32(0);
        out.writeU32(TpmRc.SUCCESS.value());
        for (Handle handle : handles) {
            out.writeU32(handle.value());
        }
        if (sessions) {
            out.writeU32(parameters.length);
        }
        out.writeBytes(parameters);
        for (AuthResponse auth : authorizations) {
            AUTH.write(out, auth);
        }
        out.patchU32(2, out.size());
        return out.toByteArray();
    }

    /** An error response: the header alone, tagged TPM_ST_NO_SESSIONS. */
    public static byte[] error(TpmRc rc) {
        return new TpmWriter(CommandFraming.HEADER_SIZE)
                .writeU16(St.NO_SESSIONS.value())
                .writeU32(CommandFraming.HEADER_SIZE)
                .writeU32(rc.value())
                .toByteArray();
    }

    /**
     * Takes a response apart.
     *
     * @param handleCount the number of handles the command's response carries
     * @param sessionCount the number of sessions the command was sent with
     */
    public static DecodedResponse decode(byte[] buffer, int handleCount, int sessionCount) throws TpmFormatException {
        TpmReader in = new TpmReader(buffer);
        int tag = in.readU16();
        int size = in.readU32();
        if (size != buffer.length || buffer.length > TpmLimits.MAX_RESPONSE_SIZE) {
            throw new TpmFormatException(TpmRc.SIZE, "responseSize " + Integer.toUnsignedString(size)
                    + " for " + buffer.length + " bytes");
        }
        TpmRc rc = new TpmRc(in.readU32());
        if (!rc.isSuccess()) {
            if (tag != St.NO_SESSIONS.value() && tag != St.SESSIONS.value() && tag != St.RSP_COMMAND.value()) {
                throw new TpmFormatException(TpmRc.TAG, "response tag 0x" + Integer.toHexString(tag));
            }
            return new DecodedResponse(rc, List.of(), Bytes.empty(), List.of());
        }
        int expected = sessionCount > 0 ? St.SESSIONS.value() : St.NO_SESSIONS.value();
        if (tag != expected) {
            throw new TpmFormatException(TpmRc.TAG, "response tag 0x" + Integer.toHexString(tag)
                    + " to a command with " + sessionCount + " sessions");
        }
        List<Handle> handles = new ArrayList<>(handleCount);
        for (int i = 0; i < handleCount; i++) {
            handles.add(new Handle(in.readU32()));
        }
        if (sessionCount == 0) {
            return new DecodedResponse(rc, handles, Bytes.of(in.readBytes(in.remaining())), List.of());
        }
        int parameterSize = in.readU32();
        if (Integer.compareUnsigned(parameterSize, in.remaining()) > 0) {
            throw new TpmFormatException(TpmRc.SIZE, "parameterSize " + Integer.toUnsignedString(parameterSize));
        }
        Bytes parameters = Bytes.of(in.readBytes(parameterSize));
        List<AuthResponse> authorizations = new ArrayList<>(sessionCount);
        for (int i = 0; i < sessionCount; i++) {
            try {
                authorizations.add(AUTH.read(in, false));
            } catch (TpmFormatException e) {
                throw e.located(e.rc().withSession(i + 1));
            }
        }
        in.requireEnd();
        return new DecodedResponse(rc, handles, parameters, authorizations);
    }
}
