package org.vtpm.tpm.engine.state;

/**
 * The sections of the saved state, each named by four ASCII letters so a hex dump is readable.
 * A section's number never changes meaning; new subsystems get new sections.
 */
public enum SectionId {
    POWER("POWR", 1),
    CLOCK("CLCK", Clock.VERSION),
    RANDOM("DRBG", 1),
    HIERARCHIES("HIER", Hierarchies.VERSION),
    PCRS("PCRS", 1),
    OBJECTS("OBJS", ObjectSlots.VERSION),
    NV("NVIX", 1),
    PERSISTENT("PERS", 1),
    DICTIONARY_ATTACK("DALK", 1),
    CONTEXTS("CTXC", 1),
    SESSIONS("SESS", SessionSlots.VERSION),
    SAVED_SESSIONS("SVSS", 2),
    COMMAND_AUDIT("CAUD", 1),
    PCR_AUTHORIZATIONS("PCRA", 1);

    private final int tag;
    private final int readableVersion;

    SectionId(String letters, int readableVersion) {
        this.readableVersion = readableVersion;
        int t = 0;
        for (int i = 0; i < 4; i++) {
            t = t << 8 | letters.charAt(i);
        }
        this.tag = t;
    }

    public int tag() {
        return tag;
    }

    /** The newest layout of this section that this code reads. */
    public int readableVersion() {
        return readableVersion;
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
