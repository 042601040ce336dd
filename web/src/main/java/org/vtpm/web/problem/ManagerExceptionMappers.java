package org.vtpm.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.vtpm.manager.InvalidRequestException;
import org.vtpm.manager.host.HostNotFoundException;
import org.vtpm.manager.host.KeyProtectionFailure;
import org.vtpm.manager.vtpm.IllegalTransitionException;
import org.vtpm.manager.vtpm.SnapshotNotFoundException;
import org.vtpm.manager.vtpm.StateRefusedException;
import org.vtpm.manager.vtpm.VtpmNotFoundException;

/**
 * The services' own refusals as problems. Their messages are written for the caller (what was
 * wrong, what is allowed) and never carry key material, so they go out as the detail.
 */
public final class ManagerExceptionMappers {

    private ManagerExceptionMappers() {
    }

    @Provider
    public static class InvalidRequest implements ExceptionMapper<InvalidRequestException> {
        @Override
        public Response toResponse(InvalidRequestException exception) {
            return Problem.response(Response.Status.BAD_REQUEST, exception.getMessage());
        }
    }

    @Provider
    public static class VtpmNotFound implements ExceptionMapper<VtpmNotFoundException> {
        @Override
        public Response toResponse(VtpmNotFoundException exception) {
            return Problem.response(Response.Status.NOT_FOUND, exception.getMessage());
        }
    }

    @Provider
    public static class SnapshotNotFound implements ExceptionMapper<SnapshotNotFoundException> {
        @Override
        public Response toResponse(SnapshotNotFoundException exception) {
            return Problem.response(Response.Status.NOT_FOUND, exception.getMessage());
        }
    }

    @Provider
    public static class HostNotFound implements ExceptionMapper<HostNotFoundException> {
        @Override
        public Response toResponse(HostNotFoundException exception) {
            return Problem.response(Response.Status.NOT_FOUND, exception.getMessage());
        }
    }

    /** A lifecycle operation from the wrong state: 409, naming the states it is allowed from. */
    @Provider
    public static class IllegalTransition implements ExceptionMapper<IllegalTransitionException> {
        @Override
        public Response toResponse(IllegalTransitionException exception) {
            return Problem.response(Response.Status.CONFLICT, exception.getMessage());
        }
    }

    /** A stored state failed its integrity check: the vTPM stays where it is until an operator acts. */
    @Provider
    public static class StateRefused implements ExceptionMapper<StateRefusedException> {
        @Override
        public Response toResponse(StateRefusedException exception) {
            return Problem.response(Response.Status.CONFLICT, exception.getMessage());
        }
    }

    /** The pTPM cannot release or use the manager's keys now: retry, or an operator must look. */
    @Provider
    public static class KeyProtection implements ExceptionMapper<KeyProtectionFailure> {
        @Override
        public Response toResponse(KeyProtectionFailure exception) {
            java.util.logging.Logger.getLogger(KeyProtection.class.getName()).warning(exception.getMessage());
            return Problem.response(Response.Status.SERVICE_UNAVAILABLE, exception.getMessage());
        }
    }
}
