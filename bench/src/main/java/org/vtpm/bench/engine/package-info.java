/**
 * JMH benchmarks of the software TPM engine called in process: every
 * {@link org.vtpm.bench.workload.Workload} through the client, and saving and restoring state;
 * {@link org.vtpm.bench.engine.EngineBenchmarks} runs them and writes their table.
 */
package org.vtpm.bench.engine;
