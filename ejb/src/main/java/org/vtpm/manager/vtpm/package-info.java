/**
 * vTPMs as the manager keeps them: the entities (vTPM, its wrapped data key, its encrypted
 * states, snapshots), the lifecycle ({@link org.vtpm.manager.vtpm.VtpmLifecycle}) with its state
 * machine ({@link org.vtpm.manager.vtpm.VtpmStatus}), and the listener that encrypts and stores
 * what running vTPMs change ({@link org.vtpm.manager.vtpm.VtpmStateListenerBean}).
 */
package org.vtpm.manager.vtpm;
