/** The vTPM lifecycle over REST: {@code /api/v1/vtpms}, their certificates and snapshots. */
package org.vtpm.web.vtpm;
