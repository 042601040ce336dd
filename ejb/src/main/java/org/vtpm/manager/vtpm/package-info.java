/**
 * vTPMs as the manager keeps them: the journal of state versions the resource adapter delivers
 * while a vTPM runs ({@link org.vtpm.manager.vtpm.VtpmStateListenerBean}).
 */
package org.vtpm.manager.vtpm;
