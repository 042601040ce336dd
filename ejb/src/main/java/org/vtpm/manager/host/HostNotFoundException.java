package org.vtpm.manager.host;

import jakarta.ejb.ApplicationException;

/** No host by that name. */
@ApplicationException(rollback = true)
public class HostNotFoundException extends Exception {

    private static final long serialVersionUID = 1L;

    public HostNotFoundException(String name) {
        super("no host named '" + name + "'");
    }
}
