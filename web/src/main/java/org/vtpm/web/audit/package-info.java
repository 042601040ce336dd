/** {@code /api/v1/audit-events}: the audit trail, newest first. */
package org.vtpm.web.audit;
