/**
 * The density benchmark: thousands of engine vTPMs in one JVM (heap per vTPM, time per start,
 * ECC EK creation) beside swtpm processes (private memory per process).
 */
package org.vtpm.bench.density;
