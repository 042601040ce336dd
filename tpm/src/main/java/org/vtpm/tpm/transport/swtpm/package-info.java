/**
 * swtpm: its socket protocol's data channel ({@link org.vtpm.tpm.transport.swtpm.SwtpmSocketTransport}),
 * its control channel with typed {@code CMD_*} methods and state-blob transfer
 * ({@link org.vtpm.tpm.transport.swtpm.SwtpmControlChannel}), and a launcher that runs swtpm as a
 * child process on free loopback ports ({@link org.vtpm.tpm.transport.swtpm.SwtpmProcess}).
 */
package org.vtpm.tpm.transport.swtpm;
