package org.vtpm.manager.attest;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.vtpm.manager.InvalidRequestException;
import org.vtpm.tpm.attest.AttestationPolicy;
import org.vtpm.tpm.attest.EventDigestRef;
import org.vtpm.tpm.attest.PcrValues;

/**
 * A policy's rules as JSON, the form the API takes and the database keeps:
 * <pre>{@code
 * {"referencePcrs":  {"sha256": {"0": "hex", ...}},
 *  "allowedEvents":  [{"bank": "sha256", "pcr": 4, "digest": "hex"}, ...],
 *  "requiredEvents": [...],
 *  "baselinePcrs":   {"sha256": [0, 1, 2, 3, 4, 5, 6, 7]}}
 * }</pre>
 * Every member is optional; a document with none judges nothing and is refused, so that a typo
 * in a member's name cannot make a policy that passes everything.
 */
final class PolicyDocument {

    /** More rules than any boot log has events; bounds the work one request can cause. */
    static final int MAX_EVENTS = 8192;
    private static final Set<String> MEMBERS = Set.of("referencePcrs", "allowedEvents", "requiredEvents",
            "baselinePcrs");

    private PolicyDocument() {
    }

    static AttestationPolicy read(JsonObject rules, String where) throws InvalidRequestException {
        PcrValues reference = rules.containsKey("referencePcrs")
                ? PcrJson.readValues(rules.get("referencePcrs"), where + ".referencePcrs") : PcrValues.EMPTY;
        Set<EventDigestRef> allowed = events(rules.get("allowedEvents"), where + ".allowedEvents");
        Set<EventDigestRef> required = events(rules.get("requiredEvents"), where + ".requiredEvents");
        AttestationPolicy policy = new AttestationPolicy(reference, allowed, required,
                rules.containsKey("baselinePcrs") ? PcrJson.readSelection(rules.get("baselinePcrs"),
                        where + ".baselinePcrs") : Map.of());
        if (policy.requiredPcrs().isEmpty()) {
            throw new InvalidRequestException(where + ": a policy needs at least one of " + MEMBERS
                    + " naming a PCR");
        }
        return policy;
    }

    static JsonObject write(AttestationPolicy policy) {
        JsonObjectBuilder rules = Json.createObjectBuilder();
        if (!policy.referencePcrs().banks().isEmpty()) {
            rules.add("referencePcrs", PcrJson.writeValues(policy.referencePcrs()));
        }
        if (!policy.allowedEvents().isEmpty()) {
            rules.add("allowedEvents", PcrJson.writeEvents(policy.allowedEvents()));
        }
        if (!policy.requiredEvents().isEmpty()) {
            rules.add("requiredEvents", PcrJson.writeEvents(policy.requiredEvents()));
        }
        if (policy.learnsBaseline()) {
            rules.add("baselinePcrs", PcrJson.writeSelection(policy.baselinePcrs()));
        }
        return rules.build();
    }

    static byte[] encode(AttestationPolicy policy) {
        return write(policy).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads rules this application stored: a failure means the database was altered behind it. */
    static AttestationPolicy decode(byte[] stored) {
        try (JsonReader reader = Json.createReader(new StringReader(new String(stored, StandardCharsets.UTF_8)))) {
            return read(reader.readObject(), "stored policy");
        } catch (InvalidRequestException | JsonException e) {
            throw new IllegalStateException("a stored policy does not read back: " + e.getMessage(), e);
        }
    }

    private static Set<EventDigestRef> events(JsonValue json, String where) throws InvalidRequestException {
        Set<EventDigestRef> events = new LinkedHashSet<>();
        if (json == null) {
            return events;
        }
        JsonArray array = PcrJson.array(json, where);
        if (array.size() > MAX_EVENTS) {
            throw new InvalidRequestException(where + ": at most " + MAX_EVENTS + " events");
        }
        for (int i = 0; i < array.size(); i++) {
            events.add(PcrJson.readEvent(array.get(i), where + "[" + i + "]"));
        }
        return events;
    }
}
