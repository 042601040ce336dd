/**
 * Key material for the engine: primary objects derived reproducibly from hierarchy seeds (with
 * their cache), Bouncy Castle key parameters built from TPMT_PUBLIC and TPMT_SENSITIVE, and the
 * signature schemes. Nothing here keeps TPM state; the objects themselves live in
 * {@code engine.state}.
 */
package org.vtpm.tpm.engine.keys;
