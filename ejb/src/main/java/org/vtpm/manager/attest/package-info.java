/**
 * Attestation of vTPMs, on the verification library {@code org.vtpm.tpm.attest}: server-driven
 * ({@link org.vtpm.manager.attest.Attestor}: a fresh challenge, a quote by the vTPM's certified AK,
 * optionally bound to its host's pTPM quote and the manager CA's binding statement) and from
 * evidence an attester in the VM sends over a challenge it fetched; one verification and one
 * stored, signed result ({@link org.vtpm.manager.attest.SignedResult}, a JWS by the manager CA).
 *
 * <p>Policies ({@link org.vtpm.manager.attest.Policies}) are JSON documents kept per tenant and
 * assigned to vTPMs in a table of their own; a vTPM without one is judged against the baseline
 * its first attestation recorded. Challenges live in the database so any cluster node can verify
 * and a nonce is used once cluster-wide. Jobs travel on the attestation-jobs queue
 * ({@link org.vtpm.manager.attest.JobMessage}), are consumed by
 * {@link org.vtpm.manager.attest.AttestationJobListener} and run by
 * {@link org.vtpm.manager.attest.JobRunner} with bounded concurrency; schedules are EJB timers
 * ({@link org.vtpm.manager.attest.AttestationSchedules}) that submit jobs.
 *
 * <p>Entities stay in this package; the REST layer sees the view records and JSON objects.
 */
package org.vtpm.manager.attest;
