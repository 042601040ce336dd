package org.vtpm.web.attest;

import java.util.logging.Logger;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.vtpm.manager.attest.AttestationNotFoundException;
import org.vtpm.manager.attest.EvidenceUnavailableException;
import org.vtpm.manager.attest.VtpmNotRunningException;
import org.vtpm.web.problem.ProblemMapper;

/** The attestation services' refusals as problems; their messages are written for the caller. */
public final class AttestationExceptionMappers {

    private AttestationExceptionMappers() {
    }

    @Provider
    public static class NotFound extends ProblemMapper<AttestationNotFoundException> {
        public NotFound() {
            super(Response.Status.NOT_FOUND);
        }
    }

    /** Only a RUNNING vTPM quotes: 409, as for any operation from the wrong state. */
    @Provider
    public static class NotRunning extends ProblemMapper<VtpmNotRunningException> {
        public NotRunning() {
            super(Response.Status.CONFLICT);
        }
    }

    /** A TPM did not give evidence: nothing was judged, the caller may try again. */
    @Provider
    public static class EvidenceUnavailable extends ProblemMapper<EvidenceUnavailableException> {
        public EvidenceUnavailable() {
            super(Response.Status.SERVICE_UNAVAILABLE);
        }

        @Override
        public Response toResponse(EvidenceUnavailableException exception) {
            Logger.getLogger(EvidenceUnavailable.class.getName()).warning(exception.getMessage());
            return super.toResponse(exception);
        }
    }
}
