package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.SizedBuffer;
import org.vtpm.tpm.wire.SizedBytes;

/** TPMS_PCR_SELECT: a PCR bit map: sizeofSelect, then PCR n at bit n % 8 of octet n / 8. */
@SizedBuffer(max = TpmLimits.PCR_SELECT_MAX, min = TpmLimits.PCR_SELECT_MIN, sizeBits = 8)
public final class PcrSelect extends SizedBytes {

    public PcrSelect(byte[] buffer) {
        super(buffer);
    }

    /** A bit map of PCR_SELECT_MAX octets selecting the given PCRs. */
    public static PcrSelect of(int... pcrs) {
        byte[] bits = new byte[TpmLimits.PCR_SELECT_MAX];
        for (int pcr : pcrs) {
            if (pcr < 0 || pcr >= bits.length * 8) {
                throw new IllegalArgumentException("PCR " + pcr + " outside the bit map");
            }
            bits[pcr / 8] |= (byte) (1 << (pcr % 8));
        }
        return new PcrSelect(bits);
    }

    public boolean isSelected(int pcr) {
        byte[] bits = buffer();
        return pcr >= 0 && pcr < bits.length * 8 && (bits[pcr / 8] & (1 << (pcr % 8))) != 0;
    }
}
