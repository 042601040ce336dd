package org.vtpm.manager.security;

/** The roles the services check; groups of the realm map to them by name. */
public final class Roles {

    /** Operators of the manager: everything. */
    public static final String ADMIN = "admin";

    /** The manager acting on its own behalf (queue listeners, timers); no user has it. */
    public static final String SYSTEM = "system";

    private Roles() {
    }
}
