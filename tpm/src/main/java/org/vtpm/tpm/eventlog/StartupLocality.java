package org.vtpm.tpm.eventlog;

/**
 * The EV_NO_ACTION "StartupLocality" event: the locality from which TPM2_Startup was sent. It is
 * not extended, but it sets the value PCR 0 starts from: the locality in the last byte of an
 * otherwise zero digest (3 for a startup from locality 3, 4 for an H-CRTM).
 */
public record StartupLocality(int locality) implements EventData {

    public static final String SIGNATURE = "StartupLocality";
}
