package org.vtpm.tpm.eventlog;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Decodes event data into {@link EventData} by event type. A type whose data is opaque decodes
 * to empty; data that does not have the structure its type calls for is a
 * {@link LogFormatException} of kind {@link Problem.Kind#UNDECODABLE_DATA} (or {@code MALFORMED}
 * for a Spec ID header, without which the rest of the log cannot be read). Bytes left over after
 * a complete structure go to a {@link Leftover} handler, which decides whether they spoil it.
 */
final class EventDataDecoder {

    /** Told of bytes that follow a complete structure inside the event data. */
    @FunctionalInterface
    interface Leftover {
        void report(long offset, String message) throws LogFormatException;
    }

    /** Leftover bytes make the data undecodable. */
    static final Leftover STRICT = (offset, message) -> {
        throw new LogFormatException(Problem.Kind.UNDECODABLE_DATA, offset, message);
    };

    private static final int SIGNATURE_SIZE = 16;
    private static final int FIRMWARE_BLOB_SIZE = 16;
    private static final int GUID_SIZE = 16;

    private final ParseLimits limits;
    private final Leftover leftover;

    EventDataDecoder(ParseLimits limits, Leftover leftover) {
        this.limits = limits;
        this.leftover = leftover;
    }

    /** Decodes {@code data}, which starts at log offset {@code offset}. */
    Optional<EventData> decode(int eventType, byte[] data, long offset) throws LogFormatException {
        Optional<EventType> type = EventType.fromValue(eventType);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        LogReader reader = new LogReader(data, offset);
        switch (type.get()) {
            case EV_NO_ACTION:
                return noAction(reader);
            case EV_SEPARATOR:
                return Optional.of(separator(reader));
            case EV_ACTION:
            case EV_EFI_ACTION:
            case EV_OMIT_BOOT_DEVICE_EVENTS:
            case EV_EFI_HCRTM_EVENT:
                return Optional.of(new EventText(requireText(data, offset)));
            case EV_IPL:
                return textOf(data).or(() -> latin1Utf16TextOf(data)).map(EventText::new);
            case EV_S_CRTM_VERSION:
                return latin1Utf16TextOf(data).map(EventText::new);
            case EV_POST_CODE:
            case EV_S_CRTM_CONTENTS:
                return postCode(reader, data);
            case EV_POST_CODE2:
                return textOf(data).<EventData>map(EventText::new).or(() -> exactFirmwareBlob2(data, offset));
            case EV_EFI_PLATFORM_FIRMWARE_BLOB:
                return Optional.of(firmwareBlob(reader));
            case EV_EFI_PLATFORM_FIRMWARE_BLOB2:
                return Optional.of(firmwareBlob2(reader));
            case EV_EFI_VARIABLE_DRIVER_CONFIG:
            case EV_EFI_VARIABLE_BOOT:
            case EV_EFI_VARIABLE_BOOT2:
            case EV_EFI_VARIABLE_AUTHORITY:
                return Optional.of(variable(reader));
            case EV_EFI_BOOT_SERVICES_APPLICATION:
            case EV_EFI_BOOT_SERVICES_DRIVER:
            case EV_EFI_RUNTIME_SERVICES_DRIVER:
                return Optional.of(imageLoad(reader));
            default:
                return Optional.empty();
        }
    }

    private Optional<EventData> noAction(LogReader reader) throws LogFormatException {
        if (reader.remaining() < SIGNATURE_SIZE) {
            return Optional.empty();
        }
        byte[] rawSignature = reader.bytes(SIGNATURE_SIZE, "signature");
        Optional<String> signature = textOf(rawSignature);
        if (signature.isEmpty()) {
            return Optional.empty();
        }
        switch (signature.get()) {
            case SpecIdEvent.CRYPTO_AGILE_SIGNATURE:
                return Optional.of(specIdEvent03(reader));
            case SpecIdEvent.LEGACY_SIGNATURE:
                return Optional.of(specIdEvent00(reader));
            case StartupLocality.SIGNATURE:
                int locality = reader.u8("StartupLocality");
                requireEnd(reader, "StartupLocality");
                return Optional.of(new StartupLocality(locality));
            default:
                return Optional.of(new NoActionEvent(signature.get()));
        }
    }

    private SpecIdEvent specIdEvent03(LogReader reader) throws LogFormatException {
        try {
            int platformClass = reader.u32("platformClass");
            int specVersionMinor = reader.u8("specVersionMinor");
            int specVersionMajor = reader.u8("specVersionMajor");
            int specErrata = reader.u8("specErrata");
            int uintnSize = reader.u8("uintnSize");
            long numberOfAlgorithms = reader.u32("numberOfAlgorithms") & 0xFFFFFFFFL;
            if (numberOfAlgorithms == 0 || numberOfAlgorithms > limits.maxAlgorithms()) {
                throw new LogFormatException(Problem.Kind.MALFORMED, reader.offset() - 4,
                        "Spec ID numberOfAlgorithms is " + numberOfAlgorithms + ", expected 1 to "
                                + limits.maxAlgorithms());
            }
            List<SpecIdEvent.AlgorithmDigestSize> table = new ArrayList<>();
            Set<Integer> seen = new HashSet<>();
            for (long i = 0; i < numberOfAlgorithms; i++) {
                long entryOffset = reader.offset();
                int algorithmId = reader.u16("algorithmId");
                int digestSize = reader.u16("digestSize");
                if (digestSize == 0 || digestSize > limits.maxDigestSize()) {
                    throw new LogFormatException(Problem.Kind.MALFORMED, entryOffset, String.format(
                            "Spec ID digest size %d for algorithm 0x%04x is outside 1 to %d",
                            digestSize, algorithmId, limits.maxDigestSize()));
                }
                if (!seen.add(algorithmId)) {
                    throw new LogFormatException(Problem.Kind.MALFORMED, entryOffset,
                            String.format("Spec ID lists algorithm 0x%04x twice", algorithmId));
                }
                table.add(new SpecIdEvent.AlgorithmDigestSize(algorithmId, digestSize));
            }
            int vendorInfoSize = reader.u8("vendorInfoSize");
            Bytes vendorInfo = Bytes.wrap(reader.bytes(vendorInfoSize, "vendorInfo"));
            requireEnd(reader, "Spec ID Event03");
            return new SpecIdEvent(SpecIdEvent.CRYPTO_AGILE_SIGNATURE, platformClass, specVersionMinor,
                    specVersionMajor, specErrata, uintnSize, table, vendorInfo);
        } catch (LogFormatException e) {
            throw new LogFormatException(Problem.Kind.MALFORMED, e.offset(), "Spec ID Event03: " + e.getMessage());
        }
    }

    private SpecIdEvent specIdEvent00(LogReader reader) throws LogFormatException {
        int platformClass = reader.u32("platformClass");
        int specVersionMinor = reader.u8("specVersionMinor");
        int specVersionMajor = reader.u8("specVersionMajor");
        int specErrata = reader.u8("specErrata");
        int uintnSize = reader.u8("uintnSize");
        int vendorInfoSize = reader.u8("vendorInfoSize");
        Bytes vendorInfo = Bytes.wrap(reader.bytes(vendorInfoSize, "vendorInfo"));
        requireEnd(reader, "Spec ID Event00");
        return new SpecIdEvent(SpecIdEvent.LEGACY_SIGNATURE, platformClass, specVersionMinor, specVersionMajor,
                specErrata, uintnSize, List.of(), vendorInfo);
    }

    private Separator separator(LogReader reader) throws LogFormatException {
        int value = reader.u32("separator value");
        requireEnd(reader, "EV_SEPARATOR");
        return new Separator(value);
    }

    private Optional<EventData> postCode(LogReader reader, byte[] data) throws LogFormatException {
        Optional<String> text = textOf(data);
        if (text.isPresent()) {
            return Optional.of(new EventText(text.get()));
        }
        if (data.length == FIRMWARE_BLOB_SIZE) {
            return Optional.of(firmwareBlob(reader));
        }
        return Optional.empty();
    }

    private PlatformFirmwareBlob firmwareBlob(LogReader reader) throws LogFormatException {
        long base = reader.u64("BlobBase");
        long length = reader.u64("BlobLength");
        requireEnd(reader, "UEFI_PLATFORM_FIRMWARE_BLOB");
        return new PlatformFirmwareBlob(base, length);
    }

    private PlatformFirmwareBlob2 firmwareBlob2(LogReader reader) throws LogFormatException {
        int descriptionSize = reader.u8("BlobDescriptionSize");
        long descriptionOffset = reader.offset();
        String description = textOf(reader.bytes(descriptionSize, "BlobDescription"))
                .orElseThrow(() -> undecodable(descriptionOffset, "BlobDescription is not text"));
        long base = reader.u64("BlobBase");
        long length = reader.u64("BlobLength");
        requireEnd(reader, "UEFI_PLATFORM_FIRMWARE_BLOB2");
        return new PlatformFirmwareBlob2(description, base, length);
    }

    /** EV_POST_CODE2 data is a string or a blob description; only an exact fit is the latter. */
    private Optional<EventData> exactFirmwareBlob2(byte[] data, long offset) {
        try {
            return Optional.of(new EventDataDecoder(limits, STRICT).firmwareBlob2(new LogReader(data, offset)));
        } catch (LogFormatException e) {
            return Optional.empty();
        }
    }

    private UefiVariableData variable(LogReader reader) throws LogFormatException {
        UUID name = guid(reader);
        long nameLength = reader.u64("UnicodeNameLength");
        long dataLength = reader.u64("VariableDataLength");
        if (nameLength < 0 || nameLength > reader.remaining() / 2) {
            throw undecodable(reader.offset(), "UnicodeNameLength " + Long.toUnsignedString(nameLength)
                    + " exceeds the " + reader.remaining() + " bytes left");
        }
        long nameOffset = reader.offset();
        String unicodeName = utf16(reader.bytes(nameLength * 2, "UnicodeName"))
                .orElseThrow(() -> undecodable(nameOffset, "UnicodeName is not valid UTF-16"));
        Bytes variableData = Bytes.wrap(reader.bytes(dataLength, "VariableData"));
        requireEnd(reader, "UEFI_VARIABLE_DATA");
        return new UefiVariableData(name, unicodeName, variableData);
    }

    private UefiImageLoadEvent imageLoad(LogReader reader) throws LogFormatException {
        long location = reader.u64("ImageLocationInMemory");
        long length = reader.u64("ImageLengthInMemory");
        long linkTimeAddress = reader.u64("ImageLinkTimeAddress");
        long devicePathLength = reader.u64("LengthOfDevicePath");
        Bytes devicePath = Bytes.wrap(reader.bytes(devicePathLength, "DevicePath"));
        requireEnd(reader, "UEFI_IMAGE_LOAD_EVENT");
        return new UefiImageLoadEvent(location, length, linkTimeAddress, devicePath);
    }

    /** An {@code EFI_GUID}: three little-endian fields, then eight bytes in order. */
    private static UUID guid(LogReader reader) throws LogFormatException {
        if (reader.remaining() < GUID_SIZE) {
            throw undecodable(reader.offset(), "GUID needs 16 bytes but " + reader.remaining() + " are left");
        }
        long data1 = reader.u32("GUID") & 0xFFFFFFFFL;
        long data2 = reader.u16("GUID");
        long data3 = reader.u16("GUID");
        long data4 = 0;
        for (int i = 0; i < 8; i++) {
            data4 = data4 << 8 | reader.u8("GUID");
        }
        return new UUID(data1 << 32 | data2 << 16 | data3, data4);
    }

    private static String requireText(byte[] data, long offset) throws LogFormatException {
        return textOf(data).orElseThrow(() -> undecodable(offset, "event data is not a printable string"));
    }

    /**
     * The data as a printable UTF-8 string, without the NUL terminators some firmware and boot
     * loaders append; empty when it is not one.
     */
    static Optional<String> textOf(byte[] data) {
        return decode(data, StandardCharsets.UTF_8).map(EventDataDecoder::withoutTrailingNuls)
                .filter(EventDataDecoder::printable);
    }

    /**
     * Firmware and boot loaders that work in UEFI's CHAR16 log strings as UTF-16 (the S-CRTM
     * version, systemd-boot's EV_IPL); only Latin-1 content is accepted so that binary data such
     * as a GUID is not mistaken for text.
     */
    private static Optional<String> latin1Utf16TextOf(byte[] data) {
        if (data.length % 2 != 0) {
            return Optional.empty();
        }
        for (int i = 1; i < data.length; i += 2) {
            if (data[i] != 0) {
                return Optional.empty();
            }
        }
        return utf16(data).filter(EventDataDecoder::printable);
    }

    private static Optional<String> utf16(byte[] data) {
        return decode(data, StandardCharsets.UTF_16LE).map(EventDataDecoder::withoutTrailingNuls);
    }

    private static Optional<String> decode(byte[] data, Charset charset) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String withoutTrailingNuls(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '\0') {
            end--;
        }
        return text.substring(0, end);
    }

    private static boolean printable(String text) {
        return text.codePoints().allMatch(c -> c == '\t' || c == '\n' || c == '\r' || !Character.isISOControl(c));
    }

    private void requireEnd(LogReader reader, String structure) throws LogFormatException {
        if (reader.hasRemaining()) {
            leftover.report(reader.offset(), reader.remaining() + " bytes follow the " + structure);
        }
    }

    private static LogFormatException undecodable(long offset, String message) {
        return new LogFormatException(Problem.Kind.UNDECODABLE_DATA, offset, message);
    }
}
