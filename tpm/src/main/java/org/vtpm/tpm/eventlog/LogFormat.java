package org.vtpm.tpm.eventlog;

/** The two layouts of a TCG PC Client event log. */
public enum LogFormat {
    /** Every event is a {@code TCG_PCR_EVENT} with one SHA-1 digest (TPM 1.2 era firmware). */
    SHA1("sha1-log"),
    /**
     * A {@code TCG_PCR_EVENT} carrying the {@code Spec ID Event03} header, followed by
     * {@code TCG_PCR_EVENT2} events with one digest per algorithm of the header's table.
     */
    CRYPTO_AGILE("crypto-agile");

    private final String label;

    LogFormat(String label) {
        this.label = label;
    }

    /** The short name used in reports ("crypto-agile"). */
    public String label() {
        return label;
    }
}
