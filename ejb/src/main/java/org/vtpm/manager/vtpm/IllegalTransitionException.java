package org.vtpm.manager.vtpm;

import java.util.stream.Collectors;

import jakarta.ejb.ApplicationException;

/** An operation the vTPM's lifecycle does not allow from where it is. */
@ApplicationException(rollback = true)
public class IllegalTransitionException extends Exception {

    private static final long serialVersionUID = 1L;

    public IllegalTransitionException(String id, VtpmStatus current, VtpmStatus.Operation operation) {
        super("cannot " + operation.verb() + " vTPM " + id + " while it is " + current + "; " + operation.verb()
                + " is allowed when it is " + operation.allowedFrom().stream().sorted().map(Enum::name)
                .collect(Collectors.joining(" or ")));
    }
}
