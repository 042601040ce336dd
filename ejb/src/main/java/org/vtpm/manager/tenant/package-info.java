/**
 * Tenants, minimal for now: the owner of each vTPM, named by a group of the authenticated user
 * ({@link org.vtpm.manager.tenant.Tenancy}).
 */
package org.vtpm.manager.tenant;
