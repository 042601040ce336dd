/** The manager CA certificate over REST: {@code /api/v1/ca}. */
package org.vtpm.web.ca;
