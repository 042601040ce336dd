package org.vtpm.web.attest;

import java.util.logging.Logger;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.vtpm.manager.attest.AttestationNotFoundException;
import org.vtpm.manager.attest.EvidenceUnavailableException;
import org.vtpm.manager.attest.VtpmNotRunningException;
import org.vtpm.web.problem.Problem;

/** The attestation services' refusals as problems; their messages are written for the caller. */
public final class AttestationExceptionMappers {

    private AttestationExceptionMappers() {
    }

    @Provider
    public static class NotFound implements ExceptionMapper<AttestationNotFoundException> {
        @Override
        public Response toResponse(AttestationNotFoundException exception) {
            return Problem.response(Response.Status.NOT_FOUND, exception.getMessage());
        }
    }

    /** Only a RUNNING vTPM quotes: 409, as for any operation from the wrong state. */
    @Provider
    public static class NotRunning implements ExceptionMapper<VtpmNotRunningException> {
        @Override
        public Response toResponse(VtpmNotRunningException exception) {
            return Problem.response(Response.Status.CONFLICT, exception.getMessage());
        }
    }

    /** A TPM did not give evidence: nothing was judged, the caller may try again. */
    @Provider
    public static class EvidenceUnavailable implements ExceptionMapper<EvidenceUnavailableException> {
        @Override
        public Response toResponse(EvidenceUnavailableException exception) {
            Logger.getLogger(EvidenceUnavailable.class.getName()).warning(exception.getMessage());
            return Problem.response(Response.Status.SERVICE_UNAVAILABLE, exception.getMessage());
        }
    }
}
