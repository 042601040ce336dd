package org.vtpm.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Maps a service's own refusal to a problem with one status. The services write those messages
 * for the caller (what was wrong, what is allowed) and never put key material in them, so the
 * message goes out as the detail.
 */
public abstract class ProblemMapper<E extends Exception> implements ExceptionMapper<E> {

    private final Response.Status status;

    protected ProblemMapper(Response.Status status) {
        this.status = status;
    }

    @Override
    public Response toResponse(E exception) {
        return Problem.response(status, exception.getMessage());
    }
}
