/**
 * Remote attestation verification: is this quote fresh, signed by the certified attestation key,
 * consistent with the PCR values and event log sent beside it, and acceptable under the policy?
 *
 * <p>A verifier issues a {@link org.vtpm.tpm.attest.Challenge} (a fresh nonce, single use, with
 * an expiry, kept by a {@link org.vtpm.tpm.attest.NonceRegistry}), receives
 * {@link org.vtpm.tpm.attest.Evidence} made over it, and gets a
 * {@link org.vtpm.tpm.attest.Verdict} from {@link org.vtpm.tpm.attest.AttestationVerifier} that
 * lists every {@link org.vtpm.tpm.attest.Reason} the evidence failed for. Deep attestation
 * ({@link org.vtpm.tpm.attest.DeepEvidence}) adds the host pTPM's quote, bound to the vTPM quote
 * through its qualifying data, and the manager's signed {@link org.vtpm.tpm.attest.BindingStatement}
 * that the vTPM runs on that host.
 *
 * <p>Evidence comes from the machine being judged: every byte of it is parsed strictly, and what
 * is wrong with it becomes a reason in the verdict, never an exception. The types are records of
 * plain values so that the REST layer can map them to JSON; nothing here keeps state except the
 * in-memory nonce registry, and the learned {@link org.vtpm.tpm.attest.Baseline} is a value the
 * caller stores.
 */
package org.vtpm.tpm.attest;
