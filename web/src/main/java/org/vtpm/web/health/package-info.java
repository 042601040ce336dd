/** {@code /api/v1/health}: the readiness checks of the services module as one JSON document. */
package org.vtpm.web.health;
