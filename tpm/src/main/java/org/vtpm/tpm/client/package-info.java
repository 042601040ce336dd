/**
 * The TPM client: {@link org.vtpm.tpm.client.Tpm} runs typed commands over any transport, and
 * {@link org.vtpm.tpm.client.Session}s, passed per call, authorize them: the
 * {@link org.vtpm.tpm.client.PasswordSession}, the {@link org.vtpm.tpm.client.HmacSession} (salted
 * with an RSA or ECC key, bound, with AES-CFB or XOR parameter encryption, verifying every
 * response HMAC) and the {@link org.vtpm.tpm.client.PolicySession}, both started as a
 * {@link org.vtpm.tpm.client.SessionSetup} describes.
 *
 * <p>A session object holds the nonces of one TPM session: the caller owns it, passes it to one
 * command at a time and never shares it between threads without its own locking. {@code Tpm}
 * itself keeps no session state.
 */
package org.vtpm.tpm.client;
