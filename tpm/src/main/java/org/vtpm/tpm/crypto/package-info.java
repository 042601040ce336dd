/**
 * The cryptographic primitives TPM 2.0 defines on top of standard algorithms: hashes by
 * {@code TPM_ALG_ID}, HMAC, KDFa and KDFe, AES-CFB (for storage keys, and as session parameter
 * encryption with its KDFa-derived key and IV), XOR obfuscation, RSA-OAEP with the TPM's labels,
 * and ECDH on the NIST curves.
 *
 * <p>Everything runs on Bouncy Castle's lightweight API; nothing here implements a primitive by
 * hand. Input that can come from a peer (IVs, ciphertexts, points) is refused with a
 * {@link org.vtpm.tpm.crypto.CryptoException} whose reason names the matching {@code TPM_RC}.
 */
package org.vtpm.tpm.crypto;
