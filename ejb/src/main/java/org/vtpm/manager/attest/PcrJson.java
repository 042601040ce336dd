package org.vtpm.manager.attest;

import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.vtpm.manager.InvalidRequestException;
import org.vtpm.tpm.attest.EventDigestRef;
import org.vtpm.tpm.attest.PcrValues;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.eventlog.Bytes;
import org.vtpm.tpm.eventlog.ReplayedPcrs;

/**
 * PCR values, selections and event digests in the API's JSON: banks by their lowercase TPM name
 * ({@code "sha256"}), PCR indices as numbers (or as object keys for values), digests in hex.
 * Reading is strict: an unknown bank, an index outside 0 to 23, a digest of the wrong length, or a
 * value of the wrong JSON type is an {@link InvalidRequestException} naming where it is.
 */
final class PcrJson {

    private PcrJson() {
    }

    static HashAlgorithm bank(String name, String where) throws InvalidRequestException {
        return HashAlgorithm.fromTpmName(name).orElseThrow(() ->
                new InvalidRequestException(where + ": unknown PCR bank '" + name + "' (sha1, sha256, sha384, sha512)"));
    }

    static String bankName(HashAlgorithm bank) {
        return bank.tpmName();
    }

    /** {@code {"sha256": {"0": "hex", ...}, ...}}. */
    static PcrValues readValues(JsonValue json, String where) throws InvalidRequestException {
        JsonObject banks = object(json, where);
        Map<HashAlgorithm, SortedMap<Integer, Bytes>> values = new EnumMap<>(HashAlgorithm.class);
        for (Map.Entry<String, JsonValue> bank : banks.entrySet()) {
            HashAlgorithm algorithm = bank(bank.getKey(), where);
            SortedMap<Integer, Bytes> pcrs = new TreeMap<>();
            for (Map.Entry<String, JsonValue> pcr : object(bank.getValue(), where + "." + bank.getKey()).entrySet()) {
                String at = where + "." + bank.getKey() + "." + pcr.getKey();
                pcrs.put(pcrIndex(pcr.getKey(), at), digest(algorithm, pcr.getValue(), at));
            }
            values.put(algorithm, pcrs);
        }
        return new PcrValues(values);
    }

    static JsonObject writeValues(PcrValues values) {
        JsonObjectBuilder banks = Json.createObjectBuilder();
        values.banks().forEach((bank, pcrs) -> {
            JsonObjectBuilder entries = Json.createObjectBuilder();
            pcrs.forEach((pcr, value) -> entries.add(Integer.toString(pcr), value.hex()));
            banks.add(bankName(bank), entries);
        });
        return banks.build();
    }

    /** {@code {"sha256": [0, 1, 7], ...}}. */
    static Map<HashAlgorithm, SortedSet<Integer>> readSelection(JsonValue json, String where)
            throws InvalidRequestException {
        Map<HashAlgorithm, SortedSet<Integer>> selection = new EnumMap<>(HashAlgorithm.class);
        for (Map.Entry<String, JsonValue> bank : object(json, where).entrySet()) {
            String at = where + "." + bank.getKey();
            SortedSet<Integer> pcrs = new TreeSet<>();
            for (JsonValue pcr : array(bank.getValue(), at)) {
                if (!(pcr instanceof JsonNumber number) || !number.isIntegral()) {
                    throw new InvalidRequestException(at + ": PCR indices are integers");
                }
                pcrs.add(pcrIndex(number.toString(), at));
            }
            selection.put(bank(bank.getKey(), at), pcrs);
        }
        return selection;
    }

    static JsonObject writeSelection(Map<HashAlgorithm, ? extends SortedSet<Integer>> selection) {
        JsonObjectBuilder banks = Json.createObjectBuilder();
        selection.forEach((bank, pcrs) -> {
            JsonArrayBuilder indices = Json.createArrayBuilder();
            pcrs.forEach(indices::add);
            banks.add(bankName(bank), indices);
        });
        return banks.build();
    }

    /** {@code {"bank": "sha256", "pcr": 4, "digest": "hex"}}. */
    static EventDigestRef readEvent(JsonValue json, String where) throws InvalidRequestException {
        JsonObject event = object(json, where);
        HashAlgorithm bank = bank(string(event.get("bank"), where + ".bank"), where + ".bank");
        JsonValue pcr = event.get("pcr");
        if (!(pcr instanceof JsonNumber number) || !number.isIntegral()) {
            throw new InvalidRequestException(where + ".pcr: an integer PCR index is required");
        }
        return new EventDigestRef(bank, pcrIndex(number.toString(), where + ".pcr"),
                digest(bank, event.get("digest"), where + ".digest"));
    }

    static JsonObject writeEvent(EventDigestRef event) {
        return Json.createObjectBuilder().add("bank", bankName(event.bank())).add("pcr", event.pcr())
                .add("digest", event.digest().hex()).build();
    }

    static JsonArray writeEvents(Iterable<EventDigestRef> events) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        events.forEach(event -> array.add(writeEvent(event)));
        return array.build();
    }

    static JsonObject object(JsonValue json, String where) throws InvalidRequestException {
        if (!(json instanceof JsonObject object)) {
            throw new InvalidRequestException(where + ": a JSON object is required");
        }
        return object;
    }

    static JsonArray array(JsonValue json, String where) throws InvalidRequestException {
        if (!(json instanceof JsonArray array)) {
            throw new InvalidRequestException(where + ": a JSON array is required");
        }
        return array;
    }

    static String string(JsonValue json, String where) throws InvalidRequestException {
        if (!(json instanceof JsonString string)) {
            throw new InvalidRequestException(where + ": a string is required");
        }
        return string.getString();
    }

    private static int pcrIndex(String text, String where) throws InvalidRequestException {
        try {
            int pcr = Integer.parseInt(text);
            if (pcr >= 0 && pcr < ReplayedPcrs.PCR_COUNT) {
                return pcr;
            }
        } catch (NumberFormatException e) {
            // reported below, as any other index out of range
        }
        throw new InvalidRequestException(where + ": a PCR index is 0 to " + (ReplayedPcrs.PCR_COUNT - 1)
                + ", not '" + text + "'");
    }

    private static Bytes digest(HashAlgorithm bank, JsonValue json, String where) throws InvalidRequestException {
        String hex = string(json, where);
        if (hex.length() != 2 * bank.digestSize()) {
            throw new InvalidRequestException(where + ": a " + bankName(bank) + " digest is " + 2 * bank.digestSize()
                    + " hex digits");
        }
        try {
            return Bytes.of(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(where + ": not hex");
        }
    }
}
