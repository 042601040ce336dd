package org.vtpm.manager.attest;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.vtpm.manager.InvalidRequestException;

/**
 * An attestation job as it travels on the attestation-jobs queue, JSON:
 * <pre>{@code
 * {"job": "uuid"?, "tenant": "acme", "vtpms": ["uuid", ...]?, "host": "local"?,
 *  "labels": {"team": "payments"}?, "deep": false?}
 * }</pre>
 * It selects the RUNNING vTPMs of the tenant that match every part given (ids, host, all labels);
 * a message with the tenant alone selects all of them. {@code job} is set when the job was
 * submitted through the API, which created its record already; a message sent straight to the
 * queue gets its record when it is consumed.
 */
public record JobMessage(Optional<String> jobId, String tenant, List<String> vtpmIds, Optional<String> host,
        Map<String, String> labels, boolean deep) {

    static final int MAX_VTPMS = 10_000;
    static final int MAX_LABELS = 32;
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:-]{0,127}");
    private static final Set<String> MEMBERS = Set.of("job", "tenant", "vtpms", "host", "labels", "deep");

    public JobMessage {
        vtpmIds = List.copyOf(vtpmIds);
        labels = Map.copyOf(labels);
    }

    JobMessage withJobId(String id) {
        return new JobMessage(Optional.of(id), tenant, vtpmIds, host, labels, deep);
    }

    String toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder();
        jobId.ifPresent(id -> json.add("job", id));
        json.add("tenant", tenant);
        if (!vtpmIds.isEmpty()) {
            json.add("vtpms", Json.createArrayBuilder(vtpmIds));
        }
        host.ifPresent(name -> json.add("host", name));
        if (!labels.isEmpty()) {
            json.add("labels", Json.createObjectBuilder(new LinkedHashMap<String, Object>(labels)));
        }
        return json.add("deep", deep).build().toString();
    }

    /** Reads a message; anything not exactly this shape is refused with the reason. */
    static JobMessage parse(String text) throws InvalidRequestException {
        if (text == null) {
            throw new InvalidRequestException("an attestation job message needs a JSON body");
        }
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidRequestException("an attestation job message is a JSON object: " + e.getMessage());
        }
        return of(json, Optional.empty());
    }

    /**
     * Reads a selection from the API: the tenant is the caller's, and a body naming another is
     * refused rather than silently narrowed.
     */
    static JobMessage of(JsonObject json, Optional<String> callerTenant) throws InvalidRequestException {
        for (String member : json.keySet()) {
            if (!MEMBERS.contains(member)) {
                throw new InvalidRequestException("unknown member '" + member + "'; a job has " + MEMBERS);
            }
        }
        Optional<String> jobId = json.containsKey("job")
                ? Optional.of(matching(json.get("job"), ID, "job")) : Optional.empty();
        String tenant;
        if (callerTenant.isPresent()) {
            tenant = callerTenant.get();
            if (json.containsKey("tenant") && !tenant.equals(PcrJson.string(json.get("tenant"), "tenant"))) {
                throw new InvalidRequestException("tenant: a job selects vTPMs of the caller's tenant only");
            }
            if (jobId.isPresent()) {
                throw new InvalidRequestException("job: the job id is assigned by the server");
            }
        } else {
            if (!json.containsKey("tenant")) {
                throw new InvalidRequestException("tenant: required");
            }
            tenant = matching(json.get("tenant"), NAME, "tenant");
        }
        List<String> ids = new ArrayList<>();
        if (json.containsKey("vtpms")) {
            JsonArray array = PcrJson.array(json.get("vtpms"), "vtpms");
            if (array.isEmpty() || array.size() > MAX_VTPMS) {
                throw new InvalidRequestException("vtpms: 1 to " + MAX_VTPMS + " vTPM ids");
            }
            for (int i = 0; i < array.size(); i++) {
                ids.add(matching(array.get(i), ID, "vtpms[" + i + "]"));
            }
        }
        Optional<String> host = json.containsKey("host")
                ? Optional.of(matching(json.get("host"), NAME, "host")) : Optional.empty();
        Map<String, String> labels = new LinkedHashMap<>();
        if (json.containsKey("labels")) {
            JsonObject object = PcrJson.object(json.get("labels"), "labels");
            if (object.size() > MAX_LABELS) {
                throw new InvalidRequestException("labels: at most " + MAX_LABELS);
            }
            for (Map.Entry<String, JsonValue> label : object.entrySet()) {
                labels.put(label.getKey(), PcrJson.string(label.getValue(), "labels." + label.getKey()));
            }
        }
        JsonValue.ValueType deep = json.getOrDefault("deep", JsonValue.FALSE).getValueType();
        if (deep != JsonValue.ValueType.TRUE && deep != JsonValue.ValueType.FALSE) {
            throw new InvalidRequestException("deep: true or false");
        }
        return new JobMessage(jobId, tenant, ids, host, labels, deep == JsonValue.ValueType.TRUE);
    }

    private static String matching(JsonValue value, Pattern pattern, String where) throws InvalidRequestException {
        String text = PcrJson.string(value, where);
        if (!pattern.matcher(text).matches()) {
            throw new InvalidRequestException(where + ": '" + abbreviate(text) + "' is not a valid value");
        }
        return text;
    }

    private static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }
}
