/** Hosts over REST: {@code /api/v1/hosts}. */
package org.vtpm.web.host;
