package org.vtpm.tpm.command;

/**
 * The authorization a handle needs (Part 1, 19.2): none, the USER role (authValue, or policy),
 * the ADMIN role (policy when the object sets adminWithPolicy; always for NV and hierarchies'
 * admin actions), or the DUP role (always a policy).
 */
public enum AuthRole {
    NONE,
    USER,
    ADMIN,
    DUP
}
