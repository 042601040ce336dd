/** The audit trail: who did what, when and with what outcome, in the database and on the audit queue. */
package org.vtpm.manager.audit;
