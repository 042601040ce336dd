package org.vtpm.tpm.wire;

/** Codecs of the fixed-width integers and TPMI_YES_NO. */
final class Primitives {

    static final Codec<Integer> UINT8 = new Uint(8);
    static final Codec<Integer> UINT16 = new Uint(16);
    static final Codec<Integer> UINT32 = new Uint(32);

    static final Codec<Long> UINT64 = new Codec<>() {
        @Override
        public void write(TpmWriter out, Long value) {
            out.writeU64(value);
        }

        @Override
        public Long read(TpmReader in, boolean plus) throws TpmFormatException {
            return in.readU64();
        }
    };

    static final Codec<Boolean> YES_NO = new Codec<>() {
        @Override
        public void write(TpmWriter out, Boolean value) {
            out.writeU8(value ? 1 : 0);
        }

        @Override
        public Boolean read(TpmReader in, boolean plus) throws TpmFormatException {
            int v = in.readU8();
            if (v > 1) {
                throw new TpmFormatException(TpmRc.VALUE, "TPMI_YES_NO " + v);
            }
            return v == 1;
        }
    };

    private Primitives() {
    }

    static Codec<Integer> uint(int bits, String where) {
        switch (bits) {
            case 8:
                return UINT8;
            case 16:
                return UINT16;
            case 32:
                return UINT32;
            default:
                throw new IllegalArgumentException(where + ": @Uint(" + bits + ") is not 8, 16 or 32");
        }
    }

    private static final class Uint implements Codec<Integer> {
        private final int bits;

        Uint(int bits) {
            this.bits = bits;
        }

        @Override
        public void write(TpmWriter out, Integer value) {
            int v = value;
            if (bits < 32 && (v >>> bits) != 0) {
                throw new IllegalArgumentException(v + " does not fit in " + bits + " bits");
            }
            switch (bits) {
                case 8:
                    out.writeU8(v);
                    break;
                case 16:
                    out.writeU16(v);
                    break;
                default:
                    out.writeU32(v);
            }
        }

        @Override
        public Integer read(TpmReader in, boolean plus) throws TpmFormatException {
            switch (bits) {
                case 8:
                    return in.readU8();
                case 16:
                    return in.readU16();
                default:
                    return in.readU32();
            }
        }
    }
}
