package org.vtpm.tpm.command;

import java.util.ArrayList;
import java.util.List;

import org.vtpm.tpm.types.AuthCommand;
import org.vtpm.tpm.types.Cc;
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
 * The command buffer layout (Part 1, 18.2): header (tag, commandSize, commandCode), handle area,
 * authorization area (authorizationSize, then TPMS_AUTH_COMMANDs) when the tag is
 * TPM_ST_SESSIONS, and parameter area.
 */
public final class CommandFraming {

    static final int HEADER_SIZE = 10;
    /** The smallest TPMS_AUTH_COMMAND: handle, three empty sizes and the attributes octet. */
    private static final int MIN_AUTH_SIZE = 9;

    private static final Codec<AuthCommand> AUTH = Codecs.of(AuthCommand.class);

    private CommandFraming() {
    }

    /** Builds a command buffer; the tag is TPM_ST_SESSIONS exactly when there are authorizations. */
    public static byte[] encode(Cc code, List<Handle> handles, List<AuthCommand> authorizations, byte[] parameters) {
        TpmWriter out = new TpmWriter(HEADER_SIZE + 4 * handles.size() + parameters.length + 80);
        out.writeU16(authorizations.isEmpty() ? St.NO_SESSIONS.value() : St.SESSIONS.value());
        out.writeU32(0);
        out.writeU32(code.value());
        for (Handle handle : handles) {
            out.writeU32(handle.value());
        }
        if (!authorizations.isEmpty()) {
            int sizeAt = out.size();
            out.writeU32(0);
            for (AuthCommand auth : authorizations) {
                AUTH.write(out, auth);
            }
            out.patchU32(sizeAt, out.size() - sizeAt - 4);
        }
        out.writeBytes(parameters);
        out.patchU32(2, out.size());
        return out.toByteArray();
    }

    /**
     * Takes a command buffer apart up to its parameter area, failing with the response code a TPM
     * gives for the first defect (in the reference implementation's order); {@link
     * DecodedCommand#command} then unmarshals the parameters.
     */
    public static DecodedCommand decode(byte[] buffer) throws TpmFormatException {
        TpmReader in = new TpmReader(buffer);
        int tagValue = in.readU16();
        if (tagValue != St.NO_SESSIONS.value() && tagValue != St.SESSIONS.value()) {
            throw new TpmFormatException(TpmRc.BAD_TAG, "tag 0x" + Integer.toHexString(tagValue));
        }
        St tag = new St(tagValue);
        int commandSize = in.readU32();
        if (commandSize != buffer.length || buffer.length > TpmLimits.MAX_COMMAND_SIZE) {
            throw new TpmFormatException(TpmRc.COMMAND_SIZE, "commandSize " + Integer.toUnsignedString(commandSize)
                    + " for " + buffer.length + " bytes");
        }
        Cc code = new Cc(in.readU32());
        CommandSpec<?> spec = Commands.spec(code)
                .orElseThrow(() -> new TpmFormatException(TpmRc.COMMAND_CODE, code.toString()));
        List<Handle> handles = spec.readCommandHandles(in);
        List<AuthCommand> authorizations = tag.equals(St.SESSIONS) ? readAuthorizations(in) : List.of();
        if (authorizations.size() < spec.authHandleCount()) {
            throw new TpmFormatException(TpmRc.AUTH_MISSING, spec.authHandleCount() + " handles need authorization, "
                    + authorizations.size() + " sessions given");
        }
        return new DecodedCommand(spec, tag, handles, authorizations, Bytes.of(in.readBytes(in.remaining())));
    }

    private static List<AuthCommand> readAuthorizations(TpmReader in) throws TpmFormatException {
        int authSize = in.readU32();
        if (authSize < MIN_AUTH_SIZE || authSize > in.remaining()) {
            throw new TpmFormatException(TpmRc.SIZE, "authorizationSize " + Integer.toUnsignedString(authSize));
        }
        TpmReader area = in.slice(authSize);
        List<AuthCommand> authorizations = new ArrayList<>(TpmLimits.MAX_SESSION_NUM);
        while (area.remaining() > 0) {
            int number = authorizations.size() + 1;
            if (number > TpmLimits.MAX_SESSION_NUM) {
                throw new TpmFormatException(TpmRc.SIZE.withSession(number), "more than "
                        + TpmLimits.MAX_SESSION_NUM + " sessions");
            }
            try {
                authorizations.add(AUTH.read(area, false));
            } catch (TpmFormatException e) {
                throw e.located(e.rc().withSession(number));
            }
        }
        return authorizations;
    }
}
