/**
 * Attestation through the running product: simulated boots of a real event log extended into
 * running vTPMs and attested with policies built from it, every tampering failing for its reason,
 * baselines, deep attestation against the host pTPM, signed results checked with the CA, and jobs
 * over the attestation-jobs queue at a thousand vTPMs, with a poison message beside them.
 */
package org.vtpm.it.attest;
