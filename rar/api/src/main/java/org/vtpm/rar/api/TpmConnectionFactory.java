package org.vtpm.rar.api;

import java.io.Serializable;

import jakarta.resource.Referenceable;

/**
 * Hands out pooled connections to TPMs. Bound in JNDI by each connection definition of the
 * adapter ({@code java:/eis/tpm/physical}, {@code java:/eis/tpm/virtual}).
 *
 * <pre>{@code
 * @Resource(lookup = "java:/eis/tpm/physical")
 * TpmConnectionFactory tpms;
 *
 * try (TpmConnection tpm = tpms.getConnection()) {
 *     byte[] nonce = tpm.getRandom(32);
 * }
 * }</pre>
 */
public interface TpmConnectionFactory extends Serializable, Referenceable {

    /** A connection to the default target of this connection definition. */
    TpmConnection getConnection() throws TpmResourceException;

    /** A connection to the given target. */
    TpmConnection getConnection(TpmTarget target) throws TpmResourceException;
}
