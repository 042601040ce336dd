/** Every error the API returns is an RFC 9457 problem details body; these mappers make it so. */
package org.vtpm.web.problem;
