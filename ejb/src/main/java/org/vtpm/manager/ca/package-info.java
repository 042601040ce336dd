/**
 * The manager CA ({@link org.vtpm.manager.ca.CertificateAuthority}): certifies each vTPM's EKs
 * and AK and signs the manager's statements, with a key held in a host's physical TPM.
 */
package org.vtpm.manager.ca;
