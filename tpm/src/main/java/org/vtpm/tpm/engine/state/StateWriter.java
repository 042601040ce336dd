package org.vtpm.tpm.engine.state;

import java.util.function.Consumer;

import org.vtpm.tpm.wire.TpmWriter;

/**
 * Writes the versioned state format: a header (magic "VTPM", format version, oldest format
 * version able to read it), then sections, each with its tag, its own version, the oldest section
 * version a reader must understand to use it, and its length, so a reader can skip what it does not
 * know and refuse what it cannot interpret.
 */
public final class StateWriter {

    static final int MAGIC = 0x5654504D;
    static final int FORMAT_VERSION = 1;
    static final int MIN_READER_VERSION = 1;

    private final TpmWriter out = new TpmWriter(4096);

    public StateWriter() {
        out.writeU32(MAGIC).writeU16(FORMAT_VERSION).writeU16(MIN_READER_VERSION);
    }

    /**
     * Appends one section.
     *
     * @param version the layout version {@code body} writes
     * @param minVersion the oldest layout version whose readers can use this section
     */
    public StateWriter section(SectionId id, int version, int minVersion, Consumer<TpmWriter> body) {
        out.writeU32(id.tag()).writeU16(version).writeU16(minVersion);
        int lengthAt = out.size();
        out.writeU32(0);
        body.accept(out);
        out.patchU32(lengthAt, out.size() - lengthAt - 4);
        return this;
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
