package org.vtpm.web.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that is not JSON, or JSON of the wrong shape: 400, without echoing parser internals. */
@Provider
public class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException exception) {
        return badBody();
    }

    static Response badBody() {
        return Problem.response(Response.Status.BAD_REQUEST, "the request body is not valid JSON for this operation");
    }
}
