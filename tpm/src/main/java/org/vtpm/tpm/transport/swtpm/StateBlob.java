package org.vtpm.tpm.transport.swtpm;

import java.util.Arrays;
import java.util.Objects;

/**
 * One state blob as swtpm hands it out and takes it back.
 *
 * @param encrypted whether swtpm encrypted the blob with its migration or state key; such a blob
 *                  must be given back with the same flag so swtpm decrypts it
 */
public record StateBlob(StateBlobType type, boolean encrypted, byte[] data) {

    public StateBlob {
        Objects.requireNonNull(type, "type");
        data = Objects.requireNonNull(data, "data").clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int length() {
        return data.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StateBlob that && type == that.type && encrypted == that.encrypted
                && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, encrypted, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "StateBlob[" + type + ", " + (encrypted ? "encrypted, " : "") + data.length + " bytes]";
    }
}
