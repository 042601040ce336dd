package org.vtpm.tpm.cli;

import java.io.PrintStream;
import java.io.StringWriter;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;

import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.eventlog.Bytes;
import org.vtpm.tpm.eventlog.Event;
import org.vtpm.tpm.eventlog.EventData;
import org.vtpm.tpm.eventlog.EventDigest;
import org.vtpm.tpm.eventlog.EventLog;
import org.vtpm.tpm.eventlog.EventText;
import org.vtpm.tpm.eventlog.NoActionEvent;
import org.vtpm.tpm.eventlog.PlatformFirmwareBlob;
import org.vtpm.tpm.eventlog.PlatformFirmwareBlob2;
import org.vtpm.tpm.eventlog.Problem;
import org.vtpm.tpm.eventlog.ReplayedPcrs;
import org.vtpm.tpm.eventlog.Separator;
import org.vtpm.tpm.eventlog.SpecIdEvent;
import org.vtpm.tpm.eventlog.StartupLocality;
import org.vtpm.tpm.eventlog.UefiImageLoadEvent;
import org.vtpm.tpm.eventlog.UefiVariableData;

/**
 * The JSON form of a parsed log: {@code {"format", "specId", "banks": {BANK: {PCR: HEX}},
 * "touchedPcrs", "events": [...], "problems": [...]}}. Byte fields are lower-case hex; event data
 * that was not decoded is given as {@code "dataHex"}.
 */
final class EventLogJsonReport {

    private EventLogJsonReport() {
    }

    static void write(EventLog log, PrintStream out) {
        // Closing a JsonWriter closes its sink; the caller's stream (System.out) must stay open.
        StringWriter text = new StringWriter();
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(text)) {
            writer.writeObject(toJson(log));
        }
        out.println(text.toString().strip());
        out.flush();
    }

    static JsonObject toJson(EventLog log) {
        JsonObjectBuilder root = Json.createObjectBuilder()
                .add("format", log.format().label())
                .add("complete", log.complete());
        log.specId().ifPresent(specId -> root.add("specId", specId(specId)));
        log.startupLocality().ifPresent(locality -> root.add("startupLocality", locality));
        ReplayedPcrs pcrs = log.replay();
        root.add("banks", banks(pcrs));
        JsonArrayBuilder touched = Json.createArrayBuilder();
        pcrs.touchedPcrs().forEach(touched::add);
        root.add("touchedPcrs", touched);
        JsonArrayBuilder events = Json.createArrayBuilder();
        log.events().forEach(event -> events.add(event(event)));
        root.add("events", events);
        JsonArrayBuilder problems = Json.createArrayBuilder();
        log.problems().forEach(problem -> problems.add(problem(problem)));
        root.add("problems", problems);
        return root.build();
    }

    private static JsonObjectBuilder banks(ReplayedPcrs pcrs) {
        JsonObjectBuilder banks = Json.createObjectBuilder();
        for (HashAlgorithm bank : pcrs.banks()) {
            JsonObjectBuilder values = Json.createObjectBuilder();
            for (Map.Entry<Integer, Bytes> pcr : pcrs.values(bank).entrySet()) {
                values.add(Integer.toString(pcr.getKey()), pcr.getValue().hex());
            }
            banks.add(bank.tpmName(), values);
        }
        return banks;
    }

    private static JsonObjectBuilder event(Event event) {
        JsonObjectBuilder digests = Json.createObjectBuilder();
        for (EventDigest digest : event.digests()) {
            digests.add(digest.algorithmName(), digest.digest().hex());
        }
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("index", event.index())
                .add("offset", event.offset())
                .add("pcr", Integer.toUnsignedLong(event.pcrIndex()))
                .add("type", event.typeName())
                .add("typeValue", Integer.toUnsignedLong(event.eventType()))
                .add("digests", digests)
                .add("dataSize", event.data().length());
        if (event.decoded().isPresent()) {
            json.add("data", data(event.decoded().get()));
        } else {
            json.add("dataHex", event.data().hex());
        }
        return json;
    }

    private static JsonObjectBuilder data(EventData data) {
        if (data instanceof SpecIdEvent specId) {
            return specId(specId);
        } else if (data instanceof StartupLocality startup) {
            return Json.createObjectBuilder().add("signature", StartupLocality.SIGNATURE)
                    .add("startupLocality", startup.locality());
        } else if (data instanceof NoActionEvent noAction) {
            return Json.createObjectBuilder().add("signature", noAction.signature());
        } else if (data instanceof UefiVariableData variable) {
            return Json.createObjectBuilder()
                    .add("variableName", variable.variableName().toString())
                    .add("unicodeName", variable.unicodeName())
                    .add("variableData", variable.variableData().hex());
        } else if (data instanceof UefiImageLoadEvent image) {
            JsonObjectBuilder json = Json.createObjectBuilder()
                    .add("imageLocationInMemory", hex(image.imageLocationInMemory()))
                    .add("imageLengthInMemory", Long.toUnsignedString(image.imageLengthInMemory()))
                    .add("imageLinkTimeAddress", hex(image.imageLinkTimeAddress()))
                    .add("devicePath", image.devicePath().hex());
            image.filePath().ifPresent(path -> json.add("filePath", path));
            return json;
        } else if (data instanceof PlatformFirmwareBlob blob) {
            return Json.createObjectBuilder().add("blobBase", hex(blob.blobBase()))
                    .add("blobLength", hex(blob.blobLength()));
        } else if (data instanceof PlatformFirmwareBlob2 blob) {
            return Json.createObjectBuilder().add("blobDescription", blob.blobDescription())
                    .add("blobBase", hex(blob.blobBase())).add("blobLength", hex(blob.blobLength()));
        } else if (data instanceof EventText text) {
            return Json.createObjectBuilder().add("text", text.text());
        } else if (data instanceof Separator separator) {
            return Json.createObjectBuilder().add("separator", Integer.toUnsignedLong(separator.value()))
                    .add("error", separator.signalsError());
        }
        throw new IllegalStateException("no JSON form for " + data.getClass().getName());
    }

    private static JsonObjectBuilder specId(SpecIdEvent specId) {
        JsonObjectBuilder algorithms = Json.createObjectBuilder();
        specId.digestSizes().forEach(entry -> algorithms.add(entry.algorithmName(), entry.digestSize()));
        return Json.createObjectBuilder()
                .add("signature", specId.signature())
                .add("platformClass", Integer.toUnsignedLong(specId.platformClass()))
                .add("specVersionMajor", specId.specVersionMajor())
                .add("specVersionMinor", specId.specVersionMinor())
                .add("specErrata", specId.specErrata())
                .add("uintnSize", specId.uintnSize())
                .add("digestSizes", algorithms)
                .add("vendorInfo", specId.vendorInfo().hex());
    }

    private static JsonObjectBuilder problem(Problem problem) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("kind", problem.kind().label())
                .add("endsParsing", problem.kind().endsParsing());
        if (problem.eventIndex() >= 0) {
            json.add("event", problem.eventIndex());
        }
        if (problem.offset() >= 0) {
            json.add("offset", problem.offset());
        }
        return json.add("message", problem.message());
    }

    private static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
