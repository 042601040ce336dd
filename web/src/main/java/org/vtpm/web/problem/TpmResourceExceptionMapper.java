package org.vtpm.web.problem;

import java.util.logging.Logger;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.vtpm.rar.api.TpmCommandException;
import org.vtpm.rar.api.TpmResourceException;

/**
 * A TPM that cannot be reached is 503 (retry later); one that refuses the command is 502 with
 * its response code, since the TPM is the upstream server here.
 */
@Provider
public class TpmResourceExceptionMapper implements ExceptionMapper<TpmResourceException> {

    private static final Logger LOG = Logger.getLogger(TpmResourceExceptionMapper.class.getName());

    @Override
    public Response toResponse(TpmResourceException exception) {
        LOG.warning(exception.getMessage());
        if (exception instanceof TpmCommandException command) {
            return Problem.response(Response.Status.BAD_GATEWAY,
                    "the TPM refused the command: " + command.rc());
        }
        return Problem.response(Response.Status.SERVICE_UNAVAILABLE, "the TPM is not reachable now; retry later");
    }
}
