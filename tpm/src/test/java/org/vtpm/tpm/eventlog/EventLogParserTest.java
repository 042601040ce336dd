package org.vtpm.tpm.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vtpm.tpm.eventlog.LogBuilder.ascii;
import static org.vtpm.tpm.eventlog.LogBuilder.concat;
import static org.vtpm.tpm.eventlog.LogBuilder.filled;
import static org.vtpm.tpm.eventlog.LogBuilder.le32;
import static org.vtpm.tpm.eventlog.LogBuilder.le64;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.vtpm.tpm.crypto.HashAlgorithm;

/** Synthetic logs, each built to show one rule of the format. */
class EventLogParserTest {

    private static final UUID EFI_GLOBAL_VARIABLE = UUID.fromString("8be4df61-93ca-11d2-aa0d-00e098032b8c");
    private static final byte[] SEPARATOR = new byte[4];

    @Test
    void cryptoAgileEventsCarryOneDigestPerBank() {
        byte[] log = LogBuilder.cryptoAgile(HashAlgorithm.SHA1, HashAlgorithm.SHA256)
                .event(0, EventType.EV_S_CRTM_VERSION, ascii("1.0"))
                .event(0, EventType.EV_SEPARATOR, SEPARATOR)
                .build();

        EventLog parsed = EventLog.parse(log);

        assertEquals(LogFormat.CRYPTO_AGILE, parsed.format());
        assertEquals(List.of(HashAlgorithm.SHA1, HashAlgorithm.SHA256), parsed.banks());
        assertEquals(3, parsed.events().size());
        Event version = parsed.events().get(1);
        assertEquals(Optional.of(Bytes.of(HashAlgorithm.SHA256.hash(ascii("1.0")))), version.digest(HashAlgorithm.SHA256));
        assertEquals("EV_S_CRTM_VERSION", version.typeName());
        assertTrue(parsed.problems().stream().noneMatch(p -> p.kind() == Problem.Kind.DIGEST_SET_MISMATCH));
    }

    @Test
    void replayExtendsEachBankAndSkipsNoActionEvents() {
        byte[] crtm = ascii("crtm");
        byte[] log = LogBuilder.cryptoAgile(HashAlgorithm.SHA1, HashAlgorithm.SHA256)
                .event(0, EventType.EV_S_CRTM_VERSION, crtm)
                .event(0, EventType.EV_NO_ACTION, ascii("not measured"))
                .event(0, EventType.EV_SEPARATOR, SEPARATOR)
                .build();

        ReplayedPcrs pcrs = EventLog.parse(log).replay();

        for (HashAlgorithm bank : List.of(HashAlgorithm.SHA1, HashAlgorithm.SHA256)) {
            byte[] pcr = new byte[bank.digestSize()];
            pcr = bank.hash(pcr, bank.hash(crtm));
            pcr = bank.hash(pcr, bank.hash(SEPARATOR));
            assertEquals(Optional.of(Bytes.of(pcr)), pcrs.value(bank, 0), bank.tpmName());
        }
        assertEquals(List.of(0), List.copyOf(pcrs.touchedPcrs()));
    }

    @Test
    void everyHashAlgorithmKnownHereIsABank() {
        HashAlgorithm[] all = HashAlgorithm.values();
        byte[] log = LogBuilder.cryptoAgile(all).event(2, EventType.EV_SEPARATOR, SEPARATOR).build();

        EventLog parsed = EventLog.parse(log);

        assertEquals(List.of(all), parsed.banks());
        for (HashAlgorithm bank : all) {
            byte[] expected = bank.hash(new byte[bank.digestSize()], bank.hash(SEPARATOR));
            assertEquals(Optional.of(Bytes.of(expected)), parsed.replay().value(bank, 2), bank.tpmName());
        }
    }

    @Test
    void startupLocalitySetsTheInitialValueOfPcr0() {
        for (int locality : new int[] {3, 4}) {
            byte[] log = LogBuilder.cryptoAgile(HashAlgorithm.SHA256)
                    .event(0, EventType.EV_NO_ACTION, LogBuilder.startupLocality(locality))
                    .event(0, EventType.EV_SEPARATOR, SEPARATOR)
                    .build();

            EventLog parsed = EventLog.parse(log);

            byte[] initial = new byte[32];
            initial[31] = (byte) locality;
            byte[] expected = HashAlgorithm.SHA256.hash(initial, HashAlgorithm.SHA256.hash(SEPARATOR));
            assertEquals(Optional.of(locality), parsed.startupLocality());
            assertEquals(Optional.of(Bytes.of(expected)), parsed.replay().value(HashAlgorithm.SHA256, 0));
        }
    }

    @Test
    void aStartupLocalityAfterPcr0WasExtendedIsIgnoredAndReported() {
        byte[] log = LogBuilder.cryptoAgile(HashAlgorithm.SHA256)
                .event(0, EventType.EV_SEPARATOR, SEPARATOR)
                .event(0, EventType.EV_NO_ACTION, LogBuilder.startupLocality(3))
                .build();

        EventLog parsed = EventLog.parse(log);

        assertEquals(Optional.empty(), parsed.startupLocality());
        assertTrue(kinds(parsed).contains(Problem.Kind.MISPLACED_HEADER));
        byte[] expected = HashAlgorithm.SHA256.hash(new byte[32], HashAlgorithm.SHA256.hash(SEPARATOR));
        assertEquals(Optional.of(Bytes.of(expected)), parsed.replay().value(HashAlgorithm.SHA256, 0));
    }

    @Test
    void aSpecIdHeaderLoggedForAnotherPcrIsReportedButStillRead() {
        byte[] log = LogBuilder.cryptoAgile(Map.of(HashAlgorithm.SHA256.algId(), 32), 1)
                .event(0, EventType.EV_SEPARATOR, SEPARATOR)
                .build();

        EventLog parsed = EventLog.parse(log);

        assertTrue(parsed.complete());
        assertEquals(LogFormat.CRYPTO_AGILE, parsed.format());
        assertEquals(2, parsed.events().size());
        assertEquals(Problem.Kind.MISPLACED_HEADER, parsed.problems().get(0).kind());
    }

    @Test
    void anUnknownAlgorithmIsReadWithTheTableSizeButNotReplayed() {
        Map<Integer, Integer> table = new LinkedHashMap<>();
        table.put(HashAlgorithm.SHA256.algId(), 32);
        table.put(0x0027, 48);
        byte[] log = LogBuilder.cryptoAgile(table)
                .event(4, EventType.EV_EFI_ACTION, ascii("Calling EFI Application from Boot Option"))
                .event(4, EventType.EV_SEPARATOR, SEPARATOR)
                .build();

        EventLog parsed = EventLog.parse(log);

        assertTrue(parsed.complete(), parsed.problems().toString());
        assertEquals(List.of(HashAlgorithm.SHA256), parsed.banks());
        Event action = parsed.events().get(1);
        assertEquals(List.of("sha256", "alg_0x0027"),
                action.digests().stream().map(EventDigest::algorithmName).collect(Collectors.toList()));
        assertEquals(48, action.digests().get(1).digest().length());
        assertEquals(Optional.of(new EventText("Calling EFI Application from Boot Option")), action.decoded());
        assertTrue(kinds(parsed).contains(Problem.Kind.UNSUPPORTED_ALGORITHM));
    }

    @Test
    void aDigestAlgorithmMissingFromTheTableEndsParsingButKeepsEarlierEvents() {
        byte[] log = LogBuilder.cryptoAgile(HashAlgorithm.SHA256)
                .event(0, EventType.EV_SEPARATOR, SEPARATOR)
                .event2(1, EventType.EV_SEPARATOR.value(), Map.of(HashAlgorithm.SHA384.algId(), new byte[48]), SEPARATOR)
                .build();

        EventLog parsed = EventLog.parse(log);

        assertFalse(parsed.complete());
        assertEquals(2, parsed.events().size());
        Problem problem = parsed.problems().get(0);
        assertEquals(Problem.Kind.MALFORMED, problem.kind());
        assertEquals(2, problem.eventIndex());
        assertTrue(problem.message().contains("0x000c is not in the Spec ID table"), problem.message());
    }

    @Test
    void aMissingBankDigestIsReported() {
        byte[] log = LogBuilder.cryptoAgile(HashAlgorithm.SHA1, HashAlgorithm.SHA256)
                .event2(0, EventType.EV_SEPARATOR.value(),
                        Map.of(HashAlgorithm.SHA256.algId(), HashAlgorithm.SHA256.hash(SEPARATOR)), SEPARATOR)
                .build();

        EventLog parsed = EventLog.parse(log);

        Problem problem = parsed.problems().stream().filter(p -> p.kind() == Problem.Kind.DIGEST_SET_MISMATCH)
                .findFirst().orElseThrow();
        assertEquals(1, problem.eventIndex());
        assertTrue(problem.message().contains("no sha1 digest"), problem.message());
    }

    @Test
    void moreDigestsThanTheTableListsIsMalformed() {
        byte[] log = LogBuilder.cryptoAgile(HashAlgorithm.SHA256)
                .raw(concat(le32(0), le32(EventType.EV_SEPARATOR.value()), le32(2)))
                .build();

        EventLog parsed = EventLog.parse(log);

        assertEquals(List.of(Problem.Kind.MALFORMED), kinds(parsed).subList(0, 1));
        assertEquals(1, parsed.events().size());
    }

    @Test
    void aDigestThatIsNotTheHashOfItsDataIsReported() {
        byte[] log = LogBuilder.sha1()
                .sha1Event(7, EventType.EV_EFI_VARIABLE_DRIVER_CONFIG.value(), filled(20, 0x11),
                        LogBuilder.uefiVariableData(EFI_GLOBAL_VARIABLE, "SecureBoot", new byte[] {1}))
                .event(7, EventType.EV_SEPARATOR, SEPARATOR)
                .build();

        EventLog parsed = EventLog.parse(log);

        Problem mismatch = parsed.problems().stream().filter(p -> p.kind() == Problem.Kind.DIGEST_MISMATCH)
                .findFirst().orElseThrow();
        assertEquals(0, mismatch.eventIndex());
        assertEquals(1, parsed.problems().stream().filter(p -> p.kind() == Problem.Kind.DIGEST_MISMATCH).count());
    }

    @Test
    void sha1LogsNeedNoHeader() {
        byte[] log = LogBuilder.sha1()
                .event(0, EventType.EV_POST_CODE, concat(le64(0xffa20000L), le64(0x4e0000L)))
                .event(0, EventType.EV_POST_CODE, ascii("ACPI DATA"))
                .build();

        EventLog parsed = EventLog.parse(log);

        assertEquals(LogFormat.SHA1, parsed.format());
        assertEquals(Optional.empty(), parsed.specId());
        assertEquals(Optional.of(new PlatformFirmwareBlob(0xffa20000L, 0x4e0000L)), parsed.events().get(0).decoded());
        assertEquals(Optional.of(new EventText("ACPI DATA")), parsed.events().get(1).decoded());
    }

    @Test
    void theLegacySpecIdEvent00IsDecoded() {
        byte[] header = concat(LogBuilder.signature(SpecIdEvent.LEGACY_SIGNATURE), le32(0), new byte[] {2, 1, 0, 2, 0});
        byte[] log = LogBuilder.sha1()
                .sha1Event(0, EventType.EV_NO_ACTION.value(), new byte[20], header)
                .event(0, EventType.EV_SEPARATOR, SEPARATOR)
                .build();

        EventLog parsed = EventLog.parse(log);

        assertEquals(LogFormat.SHA1, parsed.format());
        SpecIdEvent specId = parsed.specId().orElseThrow();
        assertEquals(SpecIdEvent.LEGACY_SIGNATURE, specId.signature());
        assertEquals(1, specId.specVersionMajor());
        assertEquals(2, specId.specVersionMinor());
        assertTrue(specId.digestSizes().isEmpty());
    }

    @Test
    void uefiStructuresAreDecoded() {
        byte[] image = LogBuilder.imageLoadEvent(0x85ff7018L, 771072, LogBuilder.filePathDevicePath("\\EFI\\BOOT\\BOOTX64.EFI"));
        byte[] description = ascii("Fv(1234)");
        byte[] blob2 = concat(new byte[] {(byte) description.length}, description, le64(0xff000000L), le64(0x10000));
        byte[] log = LogBuilder.cryptoAgile(HashAlgorithm.SHA256)
                .event(7, EventType.EV_EFI_VARIABLE_BOOT, LogBuilder.uefiVariableData(EFI_GLOBAL_VARIABLE, "Boot0001",
                        new byte[] {9, 8, 7}))
                .event(4, EventType.EV_EFI_BOOT_SERVICES_APPLICATION, image)
                .event(0, EventType.EV_EFI_PLATFORM_FIRMWARE_BLOB2, blob2)
                .event(8, EventType.EV_IPL, ascii("grub_cmd: linux /vmlinuz root=/dev/sda1\0"))
                .event(12, EventType.EV_IPL, "initrd=\\initrd.img\0".getBytes(StandardCharsets.UTF_16LE))
                .event(3, EventType.EV_SEPARATOR, le32(1))
                .event(12, EventType.EV_SEPARATOR, ascii("WBCL"))
                .build();

        List<Event> events = EventLog.parse(log).events();

        assertEquals(Optional.of(new UefiVariableData(EFI_GLOBAL_VARIABLE, "Boot0001", Bytes.of(new byte[] {9, 8, 7}))),
                events.get(1).decoded());
        UefiImageLoadEvent loaded = (UefiImageLoadEvent) events.get(2).decoded().orElseThrow();
        assertEquals(0x85ff7018L, loaded.imageLocationInMemory());
        assertEquals(771072, loaded.imageLengthInMemory());
        assertEquals(Optional.of("\\EFI\\BOOT\\BOOTX64.EFI"), loaded.filePath());
        assertEquals(Optional.of(new PlatformFirmwareBlob2("Fv(1234)", 0xff000000L, 0x10000)), events.get(3).decoded());
        assertEquals(Optional.of(new EventText("grub_cmd: linux /vmlinuz root=/dev/sda1")), events.get(4).decoded());
        assertEquals(Optional.of(new EventText("initrd=\\initrd.img")), events.get(5).decoded());
        assertTrue(((Separator) events.get(6).decoded().orElseThrow()).signalsError());
        assertFalse(((Separator) events.get(7).decoded().orElseThrow()).signalsError(), "an OS separator value");
    }

    @Test
    void dataThatDoesNotFitItsTypeIsKeptRawAndReported() {
        byte[] badVariable = concat(LogBuilder.guid(EFI_GLOBAL_VARIABLE), le64(Long.MAX_VALUE), le64(0));
        byte[] log = LogBuilder.sha1()
                .event(7, EventType.EV_EFI_VARIABLE_BOOT, badVariable)
                .event(4, EventType.EV_EFI_ACTION, new byte[] {0x01, 0x02, (byte) 0xFF})
                .event(4, EventType.EV_SEPARATOR, new byte[] {0, 0})
                .build();

        EventLog parsed = EventLog.parse(log);

        assertTrue(parsed.complete());
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), parsed.events().get(i).decoded());
            int index = i;
            assertTrue(parsed.problems().stream().anyMatch(p -> p.kind() == Problem.Kind.UNDECODABLE_DATA
                    && p.eventIndex() == index), parsed.problems().toString());
        }
    }

    @Test
    void pcrIndicesOutsideThePcClientRangeAreReportedAndNotReplayed() {
        byte[] log = LogBuilder.sha1()
                .event(24, EventType.EV_EVENT_TAG, ascii("x"))
                .event(-1, EventType.EV_EVENT_TAG, ascii("y"))
                .build();

        EventLog parsed = EventLog.parse(log);

        assertEquals(2, kinds(parsed).stream().filter(kind -> kind == Problem.Kind.PCR_OUT_OF_RANGE).count());
        assertTrue(parsed.replay().touchedPcrs().isEmpty());
        assertTrue(parsed.problems().stream().anyMatch(p -> p.message().contains("4294967295")));
    }

    @Test
    void zeroFillAfterTheLastEventIsNotAnEvent() {
        byte[] log = LogBuilder.sha1().event(0, EventType.EV_SEPARATOR, SEPARATOR).raw(new byte[4096]).build();

        EventLog parsed = EventLog.parse(log);

        assertTrue(parsed.complete());
        assertEquals(1, parsed.events().size());
    }

    @Test
    void anEmptyLogIsTruncated() {
        EventLog parsed = EventLog.parse(new byte[0]);

        assertTrue(parsed.events().isEmpty());
        assertFalse(parsed.complete());
        assertEquals(Problem.Kind.TRUNCATED, parsed.problems().get(0).kind());
        assertTrue(parsed.replay().touchedPcrs().isEmpty());
    }

    @Test
    void absurdSizesAreRejectedWithoutAllocating() {
        byte[] hugeEvent = LogBuilder.sha1().raw(concat(le32(0), le32(1), new byte[20], le32(-1))).build();
        EventLog huge = EventLog.parse(hugeEvent);
        assertEquals(Problem.Kind.LIMIT_EXCEEDED, huge.problems().get(0).kind());
        assertEquals(28, huge.problems().get(0).offset(), "the offset of EventSize");

        EventLog beyondEnd = EventLog.parse(concat(le32(0), le32(1), new byte[20], le32(1000), new byte[10]));
        assertEquals(Problem.Kind.TRUNCATED, beyondEnd.problems().get(0).kind());

        byte[] manyAlgorithms = concat(LogBuilder.signature(SpecIdEvent.CRYPTO_AGILE_SIGNATURE), le32(0),
                new byte[] {0, 2, 0, 2}, le32(Integer.MAX_VALUE));
        EventLog header = EventLog.parse(LogBuilder.sha1()
                .sha1Event(0, EventType.EV_NO_ACTION.value(), new byte[20], manyAlgorithms).build());
        assertEquals(Problem.Kind.MALFORMED, header.problems().get(0).kind());
        assertTrue(header.events().isEmpty());

        EventLog limited = EventLog.parse(LogBuilder.sha1().event(0, EventType.EV_IPL, new byte[100]).build(),
                new ParseLimits(1000, 10, 99, 16, 64));
        assertEquals(Problem.Kind.LIMIT_EXCEEDED, limited.problems().get(0).kind());
    }

    @Test
    void logsAndEventCountsBeyondTheLimitsAreRejected() {
        LogBuilder builder = LogBuilder.sha1();
        for (int i = 0; i < 5; i++) {
            builder.event(8, EventType.EV_IPL, ascii("grub_cmd: true"));
        }
        byte[] log = builder.build();

        EventLog tooMany = EventLog.parse(log, new ParseLimits(log.length, 3, 100, 16, 64));
        assertEquals(3, tooMany.events().size());
        assertEquals(Problem.Kind.LIMIT_EXCEEDED, tooMany.problems().get(0).kind());
        assertFalse(tooMany.complete());

        EventLog tooLarge = EventLog.parse(log, new ParseLimits(log.length - 1, 10, 100, 16, 64));
        assertTrue(tooLarge.events().isEmpty());
        assertEquals(Problem.Kind.LIMIT_EXCEEDED, tooLarge.problems().get(0).kind());

        assertTrue(EventLog.parse(log, new ParseLimits(log.length, 5, 100, 16, 64)).complete());
    }

    @Test
    void aSpecIdTableWithAZeroDigestSizeIsMalformed() {
        byte[] log = LogBuilder.cryptoAgile(Map.of(HashAlgorithm.SHA256.algId(), 0)).build();

        EventLog parsed = EventLog.parse(log);

        assertFalse(parsed.complete());
        assertEquals(Problem.Kind.MALFORMED, parsed.problems().get(0).kind());
    }

    private static List<Problem.Kind> kinds(EventLog log) {
        return log.problems().stream().map(Problem::kind).collect(Collectors.toList());
    }
}
