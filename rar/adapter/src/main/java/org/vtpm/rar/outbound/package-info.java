/**
 * Outbound connections: {@link org.vtpm.rar.outbound.TpmManagedConnectionFactory} (one per
 * connection definition, configured by its config properties) creates
 * {@link org.vtpm.rar.outbound.TpmManagedConnection}s, each holding one transport to one TPM
 * through a {@link org.vtpm.rar.outbound.TpmBackend}; applications hold
 * {@link org.vtpm.rar.outbound.TpmConnectionHandle}s on them.
 */
package org.vtpm.rar.outbound;
