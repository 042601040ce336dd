package org.vtpm.web.problem;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem details body. {@code type} is left out (it defaults to "about:blank"), so
 * {@code title} is the HTTP status phrase and {@code detail} says what was wrong with this request.
 */
public record Problem(String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(Response.Status status, String detail) {
        return Response.status(status)
                .type(MediaType.valueOf(MEDIA_TYPE))
                .entity(new Problem(status.getReasonPhrase(), status.getStatusCode(), detail))
                .build();
    }

    public static Response response(int status, String detail) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : "HTTP " + status;
        return Response.status(status)
                .type(MediaType.valueOf(MEDIA_TYPE))
                .entity(new Problem(title, status, detail))
                .build();
    }
}
