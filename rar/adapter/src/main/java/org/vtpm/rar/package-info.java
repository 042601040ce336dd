/**
 * The JCA resource adapter: {@link org.vtpm.rar.TpmResourceAdapter} is the adapter bean; the
 * outbound side (pooled connections to TPMs) is in {@code org.vtpm.rar.outbound}.
 */
package org.vtpm.rar;
