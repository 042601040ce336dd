package org.vtpm.manager.attest;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;

/**
 * A policy as the API shows it: {@code {"id", "name", "schedule"?, "updated", ...rules}}, the rules
 * members ({@link PolicyDocument}) at the top level as they were given.
 */
public record PolicyView(String id, String name, String schedule, Instant updated, JsonObject rules) {

    static PolicyView of(PolicyRecord record) {
        JsonObject rules;
        try (JsonReader reader = Json.createReader(new StringReader(new String(record.getRules(),
                StandardCharsets.UTF_8)))) {
            rules = reader.readObject();
        }
        return new PolicyView(record.getId(), record.getName(), record.getScheduleSeconds() == null ? null
                : Duration.ofSeconds(record.getScheduleSeconds()).toString(), record.getUpdated(), rules);
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", id).add("name", name);
        if (schedule != null) {
            json.add("schedule", schedule);
        }
        json.add("updated", updated.toString());
        rules.forEach(json::add);
        return json.build();
    }
}
