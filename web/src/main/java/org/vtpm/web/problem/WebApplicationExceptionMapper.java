package org.vtpm.web.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Errors the JAX-RS runtime raises itself (404 unknown path, 405, 415 wrong media type, 400
 * unreadable body): the same status, with a problem body instead of the server's HTML page.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        if (status == Response.Status.BAD_REQUEST.getStatusCode()) {
            return JsonbExceptionMapper.badBody();
        }
        return Problem.response(status, switch (status) {
            case 401 -> "authentication required";
            case 403 -> "not allowed for this user";
            case 404 -> "no such resource";
            case 405 -> "this method is not allowed on this resource";
            case 406 -> "cannot produce the requested media type";
            case 415 -> "unsupported media type; send application/json";
            default -> "request refused";
        });
    }
}
