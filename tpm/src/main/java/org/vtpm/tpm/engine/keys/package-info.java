/**
 * Key material for the engine: primary objects derived reproducibly from hierarchy seeds (with
 * their cache), Bouncy Castle key parameters built from TPMT_PUBLIC and TPMT_SENSITIVE, the
 * signature schemes, RSA encryption schemes and AES block modes, and the wraps of protected storage:
 * private areas, saved contexts, seeds shared with an asymmetric key (credentials, duplication) and
 * the inner and outer wraps of duplicated objects. Nothing here keeps TPM state; the objects
 * themselves live in {@code engine.state}.
 */
package org.vtpm.tpm.engine.keys;
