package org.vtpm.tpm.engine.state;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmReader;

/**
 * Reads the format {@link StateWriter} writes. Sections with tags this version does not know are
 * skipped (a later version added them as optional); a known section whose minimum version is newer
 * than this code's is refused rather than misread.
 */
public final class StateReader {

    private final Map<SectionId, Section> sections = new EnumMap<>(SectionId.class);

    /** One section's layout version and body. */
    public record Section(int version, TpmReader body) {
    }

    private StateReader() {
    }

    public static StateReader open(byte[] state) throws StateFormatException {
        StateReader reader = new StateReader();
        TpmReader in = new TpmReader(state);
        try {
            if (in.readU32() != StateWriter.MAGIC) {
                throw new StateFormatException("not a vTPM engine state (bad magic)");
            }
            int version = in.readU16();
            int minReader = in.readU16();
            if (minReader > StateWriter.FORMAT_VERSION) {
                throw new StateFormatException("state format " + version + " needs a reader of version " + minReader
                        + " or later; this is " + StateWriter.FORMAT_VERSION);
            }
            while (in.remaining() > 0) {
                int tag = in.readU32();
                int sectionVersion = in.readU16();
                int sectionMin = in.readU16();
                int length = in.readU32();
                if (length < 0) {
                    throw new StateFormatException("section length " + Integer.toUnsignedString(length));
                }
                TpmReader body = in.slice(length);
                SectionId id = SectionId.byTag(tag);
                if (id == null) {
                    continue;
                }
                if (sectionMin > id.readableVersion()) {
                    throw new StateFormatException("section " + id + " version " + sectionVersion
                            + " is not readable by this version");
                }
                if (reader.sections.put(id, new Section(sectionVersion, body)) != null) {
                    throw new StateFormatException("section " + id + " appears twice");
                }
            }
        } catch (TpmFormatException e) {
            throw new StateFormatException("truncated state: " + e.getMessage(), e);
        }
        return reader;
    }

    /** A section that later versions added: states written before it lack it. */
    public Optional<Section> optional(SectionId id) {
        return Optional.ofNullable(sections.get(id));
    }

    public Section require(SectionId id) throws StateFormatException {
        Section section = sections.get(id);
        if (section == null) {
            throw new StateFormatException("state lacks section " + id);
        }
        return section;
    }
}
