package org.vtpm.tpm.wire;

/**
 * Marshals and unmarshals one type. Codecs are built once per type by {@link Codecs} and are
 * stateless, so they are shared by all threads.
 */
public interface Codec<T> {

    /**
     * Writes {@code value}. A value that breaks the type's limits is a programming error and
     * throws {@link IllegalArgumentException}.
     */
    void write(TpmWriter out, T value);

    /**
     * Reads one value.
     *
     * @param plus whether the use site carries the specification's "+" (see {@link Plus})
     */
    T read(TpmReader in, boolean plus) throws TpmFormatException;
}
