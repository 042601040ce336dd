/**
 * What applications compile against to use a TPM through the resource adapter: inject a
 * {@link org.vtpm.rar.api.TpmConnectionFactory}, open a {@link org.vtpm.rar.api.TpmConnection}
 * for a {@link org.vtpm.rar.api.TpmTarget}, close it when done. This jar lives in the EAR's
 * {@code lib/}, shared by the adapter and the modules that use it.
 */
package org.vtpm.rar.api;
