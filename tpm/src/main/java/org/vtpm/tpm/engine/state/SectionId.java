package org.vtpm.tpm.engine.state;

/**
 * The sections of the saved state, each named by four ASCII letters so a hex dump is readable.
 * A section's number never changes meaning; new subsystems get new sections.
 */
public enum SectionId {
    POWER("POWR"),
    CLOCK("CLCK"),
    RANDOM("DRBG"),
    HIERARCHIES("HIER"),
    PCRS("PCRS"),
    OBJECTS("OBJS"),
    NV("NVIX"),
    PERSISTENT("PERS"),
    DICTIONARY_ATTACK("DALK"),
    CONTEXTS("CTXC");

    private final int tag;

    SectionId(String letters) {
        int t = 0;
        for (int i = 0; i < 4; i++) {
            t = t << 8 | letters.charAt(i);
        }
        this.tag = t;
    }

    public int tag() {
        return tag;
    }

    static SectionId byTag(int tag) {
        for (SectionId id : values()) {
            if (id.tag == tag) {
                return id;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return new String(new char[] {(char) (tag >>> 24), (char) (tag >>> 16 & 0xFF), (char) (tag >>> 8 & 0xFF),
            (char) (tag & 0xFF)});
    }
}
