package org.vtpm.tpm.eventlog;

/**
 * The decoded structure of an event's data, for the event types whose data has one. Events whose
 * data is opaque (or did not decode) carry only their raw bytes.
 */
public sealed interface EventData
        permits SpecIdEvent, StartupLocality, NoActionEvent, UefiVariableData, UefiImageLoadEvent,
        PlatformFirmwareBlob, PlatformFirmwareBlob2, EventText, Separator {
}
