/** The host's physical TPM as the manager uses it, through {@code java:/eis/tpm/physical}. */
package org.vtpm.manager.physical;
