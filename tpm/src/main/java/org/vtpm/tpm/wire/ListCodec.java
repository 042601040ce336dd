package org.vtpm.tpm.wire;

import java.util.ArrayList;
import java.util.List;

/** A TPML_: a UINT32 count no larger than the list's maximum, then the elements. */
final class ListCodec<E> implements Codec<List<E>> {

    private final Codec<E> element;
    private final int max;

    ListCodec(Codec<E> element, int max) {
        this.element = element;
        this.max = max;
    }

    @Override
    public void write(TpmWriter out, List<E> value) {
        if (value.size() > max) {
            throw new IllegalArgumentException("list of " + value.size() + " exceeds " + max);
        }
        out.writeU32(value.size());
        for (E e : value) {
            element.write(out, e);
        }
    }

    @Override
    public List<E> read(TpmReader in, boolean plus) throws TpmFormatException {
        int count = in.readU32();
        if (Integer.compareUnsigned(count, max) > 0) {
            throw new TpmFormatException(TpmRc.SIZE, "count " + Integer.toUnsignedString(count) + " exceeds " + max);
        }
        List<E> list = new ArrayList<>(Math.min(count, in.remaining()));
        for (int i = 0; i < count; i++) {
            list.add(element.read(in, false));
        }
        return List.copyOf(list);
    }
}
