package org.vtpm.tpm.transport.swtpm;

import java.util.EnumSet;
import java.util.Set;

/** One bit of the capability mask that {@code CMD_GET_CAPABILITY} returns ({@code PTM_CAP_*}). */
public enum PtmCapability {
    INIT(0),
    SHUTDOWN(1),
    GET_TPMESTABLISHED(2),
    SET_LOCALITY(3),
    HASHING(4),
    CANCEL_TPM_CMD(5),
    STORE_VOLATILE(6),
    RESET_TPMESTABLISHED(7),
    GET_STATEBLOB(8),
    SET_STATEBLOB(9),
    STOP(10),
    GET_CONFIG(11),
    SET_DATAFD(12),
    SET_BUFFERSIZE(13),
    GET_INFO(14),
    SEND_COMMAND_HEADER(15);

    private final long mask;

    PtmCapability(int bit) {
        this.mask = 1L << bit;
    }

    public long mask() {
        return mask;
    }

    /** The capabilities set in {@code mask}; bits this version does not know are ignored. */
    public static Set<PtmCapability> fromMask(long mask) {
        Set<PtmCapability> set = EnumSet.noneOf(PtmCapability.class);
        for (PtmCapability capability : values()) {
            if ((mask & capability.mask) != 0) {
                set.add(capability);
            }
        }
        return set;
    }
}
