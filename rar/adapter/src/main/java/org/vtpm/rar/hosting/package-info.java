/**
 * vTPMs running inside the adapter. {@link org.vtpm.rar.hosting.VtpmRegistry} holds each running
 * vTPM as a {@link org.vtpm.tpm.server.TpmPlatform} around a device (the engine, or a swtpm
 * process), with a {@link org.vtpm.rar.hosting.ListenerStateStore} that hands every state change
 * to the application's {@link org.vtpm.rar.api.VtpmStateListener} (an MDB) before the command is
 * answered, and optionally a socket front end for its VM. Applications control it through the
 * administered object {@link org.vtpm.rar.hosting.VtpmHostImpl}.
 */
package org.vtpm.rar.hosting;
