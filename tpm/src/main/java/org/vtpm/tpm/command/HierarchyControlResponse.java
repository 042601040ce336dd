package org.vtpm.tpm.command;

/** The response of TPM2_HierarchyControl. */
public record HierarchyControlResponse() implements TpmResponse {
}
