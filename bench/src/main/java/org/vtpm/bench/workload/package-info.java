/**
 * The benchmarked TPM operations ({@link org.vtpm.bench.workload.Workload}), written once against
 * the client so that the in-process, socket and swtpm measurements send the same command bytes;
 * a command the TPM lacks surfaces as a {@link org.vtpm.bench.workload.MissingCommand}.
 */
package org.vtpm.bench.workload;
