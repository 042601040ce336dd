package org.vtpm.tpm.transport.swtpm;

/** The commands of swtpm's control channel ({@code CMD_*} in swtpm's {@code tpm_ioctl.h}). */
public enum PtmCommand {
    GET_CAPABILITY(0x01),
    INIT(0x02),
    SHUTDOWN(0x03),
    GET_TPMESTABLISHED(0x04),
    SET_LOCALITY(0x05),
    HASH_START(0x06),
    HASH_DATA(0x07),
    HASH_END(0x08),
    CANCEL_TPM_CMD(0x09),
    STORE_VOLATILE(0x0A),
    RESET_TPMESTABLISHED(0x0B),
    GET_STATEBLOB(0x0C),
    SET_STATEBLOB(0x0D),
    STOP(0x0E),
    GET_CONFIG(0x0F),
    SET_DATAFD(0x10),
    SET_BUFFERSIZE(0x11),
    GET_INFO(0x12);

    private final int code;

    PtmCommand(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
