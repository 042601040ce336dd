/**
 * TCG PC Client event logs: the measurement log firmware and boot loaders keep beside the PCRs.
 *
 * <p>{@link org.vtpm.tpm.eventlog.EventLog#parse(byte[])} reads both layouts, SHA-1
 * ({@code TCG_PCR_EVENT}) and crypto-agile ({@code TCG_PCR_EVENT2} after a "Spec ID Event03"
 * header), decodes the data of the common event types into {@link org.vtpm.tpm.eventlog.EventData}
 * records, and reports what is wrong with the log as {@link org.vtpm.tpm.eventlog.Problem} values:
 * a log is evidence from an untrusted machine, so bad bytes never throw. {@code replay()} computes
 * the PCR values the log implies, per bank, to compare with values a TPM quoted.
 */
package org.vtpm.tpm.eventlog;
