package org.vtpm.manager.vtpm;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * A vTPM's whole state as one message between hosts: permanent and (for a suspended vTPM)
 * volatile parts, each length-prefixed. It only ever travels sealed to a host's transport key.
 */
record StateBundle(byte[] permanent, Optional<byte[]> volatileState) {

    private static final int FORMAT = 1;

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(permanent.length);
            out.write(permanent);
            out.writeBoolean(volatileState.isPresent());
            if (volatileState.isPresent()) {
                out.writeInt(volatileState.get().length);
                out.write(volatileState.get());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static StateBundle decode(byte[] encoded) throws StateRefusedException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            if (in.readUnsignedByte() != FORMAT) {
                throw new StateRefusedException("a migrated state in an unknown format was refused");
            }
            byte[] permanent = readPart(in, encoded.length);
            Optional<byte[]> volatileState = in.readBoolean() ? Optional.of(readPart(in, encoded.length)) : Optional.empty();
            if (in.available() != 0) {
                throw new StateRefusedException("a migrated state with trailing bytes was refused");
            }
            return new StateBundle(permanent, volatileState);
        } catch (IOException e) {
            throw new StateRefusedException("a truncated migrated state was refused");
        }
    }

    private static byte[] readPart(DataInputStream in, int limit) throws IOException, StateRefusedException {
        int length = in.readInt();
        if (length < 0 || length > limit) {
            throw new StateRefusedException("a migrated state with a bad part length was refused");
        }
        byte[] part = in.readNBytes(length);
        if (part.length != length) {
            throw new StateRefusedException("a truncated migrated state was refused");
        }
        return part;
    }
}
