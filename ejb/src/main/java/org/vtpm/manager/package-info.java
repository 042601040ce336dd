/**
 * The vTPM manager's services: stateless EJBs, JPA entities, message-driven beans and health
 * checks, grouped by responsibility ({@code audit}, {@code physical}, {@code health},
 * {@code security}). Entities never leave this module; the REST layer maps results to its own
 * records.
 */
package org.vtpm.manager;
