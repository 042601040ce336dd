package org.vtpm.tpm.transport.swtpm;

import java.util.Map;

import org.vtpm.tpm.transport.TpmTransportException;

/**
 * swtpm answered a control command with a non-zero {@code ptm_res}. The codes are TPM 1.2
 * {@code TPM_RESULT} values, which swtpm reuses for its control protocol.
 */
public class PtmException extends TpmTransportException {

    public static final int TPM_BAD_PARAMETER = 0x03;
    public static final int TPM_FAIL = 0x09;
    /** Also what swtpm answers when a command needs a running TPM and it is stopped, or vice versa. */
    public static final int TPM_BAD_ORDINAL = 0x0A;
    public static final int TPM_SIZE = 0x17;
    public static final int TPM_IOERROR = 0x1F;
    public static final int TPM_DECRYPT_ERROR = 0x21;
    public static final int TPM_BAD_LOCALITY = 0x3D;

    private static final Map<Integer, String> NAMES = Map.of(
            TPM_BAD_PARAMETER, "TPM_BAD_PARAMETER",
            TPM_FAIL, "TPM_FAIL",
            TPM_BAD_ORDINAL, "TPM_BAD_ORDINAL",
            TPM_SIZE, "TPM_SIZE",
            TPM_IOERROR, "TPM_IOERROR",
            TPM_DECRYPT_ERROR, "TPM_DECRYPT_ERROR",
            TPM_BAD_LOCALITY, "TPM_BAD_LOCALITY");

    private final PtmCommand command;
    private final int result;

    public PtmException(String endpoint, PtmCommand command, int result) {
        super(endpoint, "CMD_" + command + " failed with " + describe(result));
        this.command = command;
        this.result = result;
    }

    public PtmCommand command() {
        return command;
    }

    /** The raw {@code ptm_res} value. */
    public int result() {
        return result;
    }

    static String describe(int result) {
        String name = NAMES.get(result);
        String hex = String.format("0x%08x", result);
        return name == null ? hex : name + " (" + hex + ")";
    }
}
