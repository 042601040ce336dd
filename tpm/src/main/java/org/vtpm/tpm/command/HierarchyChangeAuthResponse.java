package org.vtpm.tpm.command;

/** The response of TPM2_HierarchyChangeAuth. */
public record HierarchyChangeAuthResponse() implements TpmResponse {
}
