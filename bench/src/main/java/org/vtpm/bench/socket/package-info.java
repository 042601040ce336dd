/**
 * The socket benchmark: our server and swtpm side by side through the same client and protocol,
 * with throughput, latency percentiles and each server process's own CPU time per operation;
 * {@link org.vtpm.bench.socket.EngineFarm} serves N engine vTPMs from one JVM for the concurrent case.
 */
package org.vtpm.bench.socket;
