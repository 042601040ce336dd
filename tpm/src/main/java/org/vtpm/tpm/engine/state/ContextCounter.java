package org.vtpm.tpm.engine.state;

import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmReader;
import org.vtpm.tpm.wire.TpmWriter;

/** The sequence number the next TPM2_ContextSave gives its context; it never repeats. */
public final class ContextCounter {

    private long next;

    private ContextCounter(long next) {
        this.next = next;
    }

    public static ContextCounter manufactured() {
        return new ContextCounter(1);
    }

    public long next() {
        return next++;
    }

    public void write(TpmWriter out) {
        out.writeU64(next);
    }

    public static ContextCounter read(StateReader.Section section) throws TpmFormatException {
        TpmReader in = section.body();
        ContextCounter counter = new ContextCounter(in.readU64());
        in.requireEnd();
        return counter;
    }
}
