/**
 * The TPM client: {@link org.vtpm.tpm.client.Tpm} runs typed commands over any transport, and
 * {@link org.vtpm.tpm.client.Session}s, passed per call, authorize them. The password session is
 * here; HMAC and policy sessions implement the same interface.
 */
package org.vtpm.tpm.client;
