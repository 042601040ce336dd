package org.vtpm.tpm.transport.swtpm;

/** What {@code CMD_GET_INFO} can describe; swtpm answers each with a JSON document. */
public enum PtmInfo {
    /** The TPM specification family, level and revision the TPM implements. */
    TPM_SPECIFICATION(1),
    /** The TPM's manufacturer, version and model. */
    TPM_ATTRIBUTES(2);

    private final long flag;

    PtmInfo(long flag) {
        this.flag = flag;
    }

    public long flag() {
        return flag;
    }
}
