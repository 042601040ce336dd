/**
 * Readiness checks (MicroProfile Health) for what the manager depends on: the database, the
 * message broker and the physical TPM. Served on the management interface's {@code /health}
 * and, summarized, by the REST API's {@code /api/v1/health}.
 */
package org.vtpm.manager.health;
