package org.vtpm.manager.attest;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.vtpm.tpm.attest.Reason;

/**
 * One reason of a verdict, for the API and the signed result.
 *
 * @param layer VTPM, HOST or BINDING
 * @param code the {@link Reason.Code} name, stable for programs
 * @param pcr for a reason about one PCR: {@code "sha256:7"}; otherwise null
 * @param expected the value the PCR should have had, hex, when {@code pcr} is set
 * @param actual the value it had, hex, when {@code pcr} is set
 * @param unexpectedEvents events present that should not be, as {@code bank:pcr:digest}
 * @param missingEvents events absent that should be there, as {@code bank:pcr:digest}
 */
public record ReasonView(String layer, String code, String message, String pcr, String expected, String actual,
        List<String> unexpectedEvents, List<String> missingEvents) {

    public ReasonView {
        unexpectedEvents = List.copyOf(unexpectedEvents);
        missingEvents = List.copyOf(missingEvents);
    }

    static ReasonView of(Reason reason) {
        return new ReasonView(reason.layer().name(), reason.code().name(), reason.message(),
                reason.pcr().map(pcr -> PcrJson.bankName(pcr.bank()) + ":" + pcr.pcr()).orElse(null),
                reason.pcr().map(pcr -> pcr.expected().hex()).orElse(null),
                reason.pcr().map(pcr -> pcr.actual().hex()).orElse(null),
                reason.unexpectedEvents().stream().map(Object::toString).toList(),
                reason.missingEvents().stream().map(Object::toString).toList());
    }

    JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("layer", layer).add("code", code)
                .add("message", message);
        if (pcr != null) {
            json.add("pcr", pcr).add("expected", expected).add("actual", actual);
        }
        if (!unexpectedEvents.isEmpty()) {
            json.add("unexpectedEvents", strings(unexpectedEvents));
        }
        if (!missingEvents.isEmpty()) {
            json.add("missingEvents", strings(missingEvents));
        }
        return json.build();
    }

    static ReasonView fromJson(JsonObject json) {
        return new ReasonView(json.getString("layer"), json.getString("code"), json.getString("message"),
                json.getString("pcr", null), json.getString("expected", null), json.getString("actual", null),
                json.containsKey("unexpectedEvents") ? json.getJsonArray("unexpectedEvents")
                        .getValuesAs(jakarta.json.JsonString::getString) : List.of(),
                json.containsKey("missingEvents") ? json.getJsonArray("missingEvents")
                        .getValuesAs(jakarta.json.JsonString::getString) : List.of());
    }

    private static JsonArray strings(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array.build();
    }
}
