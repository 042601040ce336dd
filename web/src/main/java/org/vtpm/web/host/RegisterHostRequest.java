package org.vtpm.web.host;

/** {@code POST /api/v1/hosts}: a host's name and the JNDI name of its physical TPM's connection factory. */
public record RegisterHostRequest(String name, String physicalTpm) {
}
