package org.vtpm.manager.attest;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/**
 * An attestation result as the API returns it.
 *
 * @param verdict PASS or FAIL
 * @param reasons every reason it failed for; empty when it passed
 * @param result the signed result document: a compact JWS verifiable with the manager CA
 * @param jobId the job that ran it, or null
 */
public record AttestationView(String id, String vtpmId, String host, boolean deep, String verdict,
        List<ReasonView> reasons, String result, Instant created, String jobId) {

    public AttestationView {
        reasons = List.copyOf(reasons);
    }

    static AttestationView of(AttestationRecord record) {
        List<ReasonView> reasons;
        try (JsonReader reader = Json.createReader(new StringReader(record.getReasons()))) {
            reasons = reader.readArray().getValuesAs(JsonObject.class).stream().map(ReasonView::fromJson).toList();
        }
        return new AttestationView(record.getId(), record.getVtpmId(), record.getHostName(), record.isDeep(),
                record.getVerdict().name(), reasons, record.getSignedResult(), record.getCreated(), record.getJobId());
    }
}
