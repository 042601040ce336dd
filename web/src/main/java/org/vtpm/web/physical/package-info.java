/** {@code /api/v1/tpms/physical}: the host's physical TPM, for operators. */
package org.vtpm.web.physical;
