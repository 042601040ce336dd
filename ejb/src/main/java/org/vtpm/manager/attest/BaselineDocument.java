package org.vtpm.manager.attest;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.vtpm.manager.InvalidRequestException;
import org.vtpm.tpm.attest.Baseline;
import org.vtpm.tpm.attest.EventDigestRef;

/** A learned {@link Baseline} as stored: {@code {"pcrs": {...}, "events": [...]}} in {@link PcrJson}'s forms. */
final class BaselineDocument {

    private BaselineDocument() {
    }

    static byte[] encode(Baseline baseline) {
        return Json.createObjectBuilder()
                .add("pcrs", PcrJson.writeValues(baseline.pcrs()))
                .add("events", PcrJson.writeEvents(baseline.events()))
                .build().toString().getBytes(StandardCharsets.UTF_8);
    }

    static Baseline decode(byte[] stored) {
        try (JsonReader reader = Json.createReader(new StringReader(new String(stored, StandardCharsets.UTF_8)))) {
            JsonObject json = reader.readObject();
            JsonArray array = PcrJson.array(json.get("events"), "events");
            List<EventDigestRef> events = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                events.add(PcrJson.readEvent(array.get(i), "events[" + i + "]"));
            }
            return new Baseline(PcrJson.readValues(json.get("pcrs"), "pcrs"), events);
        } catch (InvalidRequestException | JsonException e) {
            throw new IllegalStateException("a stored baseline does not read back: " + e.getMessage(), e);
        }
    }
}
