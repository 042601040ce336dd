package org.vtpm.tpm.wire;

/** A TPM2B_ around a structure, which must fill exactly the declared size. */
final class Tpm2bCodec<T> implements Codec<Tpm2b<T>> {

    private final Codec<T> inner;
    private final boolean allowEmpty;

    Tpm2bCodec(Codec<T> inner, boolean allowEmpty) {
        this.inner = inner;
        this.allowEmpty = allowEmpty;
    }

    @Override
    public void write(TpmWriter out, Tpm2b<T> value) {
        if (value.size() > 0xFFFF) {
            throw new IllegalArgumentException("TPM2B of " + value.size() + " bytes");
        }
        value.writeTo(out);
    }

    @Override
    public Tpm2b<T> read(TpmReader in, boolean plus) throws TpmFormatException {
        int size = in.readU16();
        if (size == 0) {
            if (allowEmpty) {
                return Tpm2b.empty();
            }
            throw new TpmFormatException(TpmRc.SIZE, "empty sized structure");
        }
        TpmReader contents = in.slice(size);
        int start = contents.position();
        T value;
        try {
            value = inner.read(contents, plus);
        } catch (TpmFormatException e) {
            // The reference implementation reads on past a short size and then reports the
            // mismatch: a structure that overruns its size field is TPM_RC_SIZE, not truncation.
            if (e.rc().equals(TpmRc.INSUFFICIENT)) {
                throw new TpmFormatException(TpmRc.SIZE, "structure longer than its size field " + size);
            }
            throw e;
        }
        contents.requireEnd();
        return Tpm2b.read(value, contents.copyFrom(start));
    }
}
