package org.vtpm.manager.attest;

import java.time.Instant;

/**
 * An attestation job's progress.
 *
 * @param failed vTPMs that failed attestation, including {@code errors}
 * @param errors vTPMs that could not be attested at all (stopped meanwhile, TPM did not quote)
 */
public record JobView(String id, String status, int total, int done, int passed, int failed, int errors,
        Instant created, Instant started, Instant finished) {

    static JobView of(AttestationJob job) {
        return new JobView(job.getId(), job.getStatus().name(), job.getTotal(), job.getDone(), job.getPassed(),
                job.getFailed(), job.getErrors(), job.getCreated(), job.getStarted(), job.getFinished());
    }
}
