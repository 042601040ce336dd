package org.vtpm.web.problem;

import java.util.logging.Logger;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.vtpm.manager.InvalidRequestException;
import org.vtpm.manager.host.HostNotFoundException;
import org.vtpm.manager.host.KeyProtectionFailure;
import org.vtpm.manager.vtpm.IllegalTransitionException;
import org.vtpm.manager.vtpm.SnapshotNotFoundException;
import org.vtpm.manager.vtpm.StateRefusedException;
import org.vtpm.manager.vtpm.VtpmNotFoundException;

/**
 * The services' own refusals as problems (see {@link ProblemMapper}): 400, 404, 409, 503.
 */
public final class ManagerExceptionMappers {

    private ManagerExceptionMappers() {
    }

    @Provider
    public static class InvalidRequest extends ProblemMapper<InvalidRequestException> {
        public InvalidRequest() {
            super(Response.Status.BAD_REQUEST);
        }
    }

    @Provider
    public static class VtpmNotFound extends ProblemMapper<VtpmNotFoundException> {
        public VtpmNotFound() {
            super(Response.Status.NOT_FOUND);
        }
    }

    @Provider
    public static class SnapshotNotFound extends ProblemMapper<SnapshotNotFoundException> {
        public SnapshotNotFound() {
            super(Response.Status.NOT_FOUND);
        }
    }

    @Provider
    public static class HostNotFound extends ProblemMapper<HostNotFoundException> {
        public HostNotFound() {
            super(Response.Status.NOT_FOUND);
        }
    }

    /** A lifecycle operation from the wrong state: 409, naming the states it is allowed from. */
    @Provider
    public static class IllegalTransition extends ProblemMapper<IllegalTransitionException> {
        public IllegalTransition() {
            super(Response.Status.CONFLICT);
        }
    }

    /** A stored state failed its integrity check: the vTPM stays where it is until an operator acts. */
    @Provider
    public static class StateRefused extends ProblemMapper<StateRefusedException> {
        public StateRefused() {
            super(Response.Status.CONFLICT);
        }
    }

    /** The pTPM cannot release or use the manager's keys now: retry, or an operator must look. */
    @Provider
    public static class KeyProtection extends ProblemMapper<KeyProtectionFailure> {
        public KeyProtection() {
            super(Response.Status.SERVICE_UNAVAILABLE);
        }

        @Override
        public Response toResponse(KeyProtectionFailure exception) {
            Logger.getLogger(KeyProtection.class.getName()).warning(exception.getMessage());
            return super.toResponse(exception);
        }
    }
}
