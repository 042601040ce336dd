package org.vtpm.tpm.cli;

import org.vtpm.tpm.eventlog.Event;
import org.vtpm.tpm.eventlog.EventData;
import org.vtpm.tpm.eventlog.EventText;
import org.vtpm.tpm.eventlog.NoActionEvent;
import org.vtpm.tpm.eventlog.PlatformFirmwareBlob;
import org.vtpm.tpm.eventlog.PlatformFirmwareBlob2;
import org.vtpm.tpm.eventlog.Separator;
import org.vtpm.tpm.eventlog.SpecIdEvent;
import org.vtpm.tpm.eventlog.StartupLocality;
import org.vtpm.tpm.eventlog.UefiImageLoadEvent;
import org.vtpm.tpm.eventlog.UefiVariableData;

/** One short line describing an event's data, for the text table. */
final class EventSummary {

    private static final int MAX_TEXT = 72;

    private EventSummary() {
    }

    static String of(Event event) {
        return event.decoded().map(EventSummary::describe).orElseGet(() -> sizeOf(event.data().length()));
    }

    private static String describe(EventData data) {
        if (data instanceof SpecIdEvent specId) {
            StringBuilder text = new StringBuilder(specId.signature());
            specId.digestSizes().forEach(entry ->
                    text.append(' ').append(entry.algorithmName()).append('/').append(entry.digestSize()));
            return text.toString();
        } else if (data instanceof StartupLocality startup) {
            return "StartupLocality " + startup.locality();
        } else if (data instanceof NoActionEvent noAction) {
            return noAction.signature();
        } else if (data instanceof UefiVariableData variable) {
            return variable.unicodeName() + " {" + variable.variableName() + "} "
                    + sizeOf(variable.variableData().length());
        } else if (data instanceof UefiImageLoadEvent image) {
            return image.filePath().orElseGet(() -> "image at 0x" + Long.toHexString(image.imageLocationInMemory()))
                    + ", " + sizeOf(image.imageLengthInMemory());
        } else if (data instanceof PlatformFirmwareBlob blob) {
            return "blob at 0x" + Long.toHexString(blob.blobBase()) + ", " + sizeOf(blob.blobLength());
        } else if (data instanceof PlatformFirmwareBlob2 blob) {
            return quote(blob.blobDescription()) + " at 0x" + Long.toHexString(blob.blobBase()) + ", "
                    + sizeOf(blob.blobLength());
        } else if (data instanceof EventText text) {
            return quote(text.text());
        } else if (data instanceof Separator separator) {
            return String.format("separator 0x%08x%s", separator.value(), separator.signalsError() ? " (error)" : "");
        }
        throw new IllegalStateException("no summary for " + data.getClass().getName());
    }

    private static String quote(String text) {
        String oneLine = text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        return '"' + (oneLine.length() > MAX_TEXT ? oneLine.substring(0, MAX_TEXT) + "..." : oneLine) + '"';
    }

    private static String sizeOf(long bytes) {
        return Long.toUnsignedString(bytes) + (bytes == 1 ? " byte" : " bytes");
    }
}
