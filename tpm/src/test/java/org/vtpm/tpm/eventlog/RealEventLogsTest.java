package org.vtpm.tpm.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vtpm.tpm.crypto.HashAlgorithm;

/** The logs of real machines in {@code shared/data/eventlogs}. */
class RealEventLogsTest {

    static List<String> allLogs() {
        return RealLogs.names();
    }

    @Test
    void theSharedFolderHoldsTheKnownLogs() {
        assertTrue(RealLogs.names().containsAll(List.of(RealLogs.CRYPTO_AGILE, RealLogs.COREOS, RealLogs.SB_CERT,
                RealLogs.OPTION_ROM, RealLogs.EBS_MISSING, RealLogs.SHORT_NO_ACTION)), RealLogs.names().toString());
    }

    @ParameterizedTest
    @MethodSource("allLogs")
    void everyLogParsesCompletely(String name) {
        byte[] bytes = RealLogs.bytes(name);
        EventLog log = EventLog.parse(bytes);

        assertTrue(log.complete(), () -> name + ": " + log.problems());
        assertFalse(log.events().isEmpty());
        Event last = log.events().get(log.events().size() - 1);
        assertTrue(last.offset() < bytes.length);
        assertFalse(log.banks().isEmpty());
        assertTrue(log.problems().stream().noneMatch(p -> p.kind() == Problem.Kind.DIGEST_MISMATCH
                || p.kind() == Problem.Kind.DIGEST_SET_MISMATCH || p.kind() == Problem.Kind.PCR_OUT_OF_RANGE),
                () -> name + ": " + log.problems());
    }

    @ParameterizedTest
    @MethodSource("allLogs")
    void everyBankOfALogCoversTheSamePcrs(String name) {
        EventLog log = EventLog.parse(RealLogs.bytes(name));
        ReplayedPcrs pcrs = log.replay();

        SortedSet<Integer> extended = log.events().stream().filter(Event::extendsPcr).map(Event::pcrIndex)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(extended, pcrs.touchedPcrs());
        for (HashAlgorithm bank : log.banks()) {
            assertEquals(extended, pcrs.values(bank).keySet(), bank.tpmName());
            for (Event event : log.events().subList(1, log.events().size())) {
                assertTrue(event.digest(bank).isPresent(), () -> "event " + event.index() + " lacks " + bank);
            }
        }
    }

    @Test
    void cryptoAgileLogsHaveTheirSpecIdTable() {
        EventLog coreos = EventLog.parse(RealLogs.bytes(RealLogs.COREOS));
        assertEquals(LogFormat.CRYPTO_AGILE, coreos.format());
        assertEquals(List.of(HashAlgorithm.SHA1, HashAlgorithm.SHA256, HashAlgorithm.SHA384), coreos.banks());
        SpecIdEvent specId = coreos.specId().orElseThrow();
        assertEquals(2, specId.specVersionMajor());
        assertEquals(Optional.of(32), specId.digestSize(HashAlgorithm.SHA256.algId()));

        EventLog agile = EventLog.parse(RealLogs.bytes(RealLogs.CRYPTO_AGILE));
        assertEquals(List.of(HashAlgorithm.SHA256), agile.banks());
    }

    /**
     * Expected values computed once outside this code base: a 30-line Python script that walks
     * the TCG_PCR_EVENT2 records with struct.unpack and extends with hashlib, skipping
     * EV_NO_ACTION; tpm2_eventlog 5.4 (tpm2-tools) prints the same values for these logs.
     */
    @Test
    void replayMatchesIndependentlyComputedValues() {
        ReplayedPcrs agile = EventLog.parse(RealLogs.bytes(RealLogs.CRYPTO_AGILE)).replay();
        assertPcr(agile, HashAlgorithm.SHA256, 0, "1536de221b2187a421602cd81f43aa04496b0bd5a424d3b25b637a942080d0fa");
        assertPcr(agile, HashAlgorithm.SHA256, 7, "3d6207f9a2c3fa1db729f06e71b09d2e7ca7c0c198f6c1410c2186bbe2cc1826");

        ReplayedPcrs coreos = EventLog.parse(RealLogs.bytes(RealLogs.COREOS)).replay();
        assertPcr(coreos, HashAlgorithm.SHA1, 0, "c032c3b51dbb6f96b047421512fd4b4dfde496f3");
        assertPcr(coreos, HashAlgorithm.SHA1, 7, "6106830c77187dc2829a8305ce37c3b2fd478713");
        assertPcr(coreos, HashAlgorithm.SHA256, 0, "0f35c214608d93c7a6e68ae7359b4a8be5a0e99eea9107ece427c4dea4e439cf");
        assertPcr(coreos, HashAlgorithm.SHA256, 7, "9340551428472c4820d41f51368427f5d1620b3e7d2081cf8859e7e220554bcd");
        assertPcr(coreos, HashAlgorithm.SHA384, 7,
                "01c71e7c43af16384ee8e5eb407ff521146643fc93a6ce4bd6b6dea15c92107aa298428d6bddc11541058e81da192860");
    }

    /** SHA-1 format: expected values as printed by tpm2_eventlog 5.4 for this file. */
    @Test
    void sha1LogReplaysToTheValuesOfAnotherImplementation() {
        EventLog log = EventLog.parse(RealLogs.bytes(RealLogs.EBS_MISSING));
        assertEquals(LogFormat.SHA1, log.format());
        assertEquals(List.of(HashAlgorithm.SHA1), log.banks());
        assertPcr(log.replay(), HashAlgorithm.SHA1, 0, "b4766c154feaacaefd61b48c661fc1c294762f4c");
        assertPcr(log.replay(), HashAlgorithm.SHA1, 7, "c6b89634b1d11a0083298c17acec8fd9ab266db6");
    }

    @Test
    void fullBootLogsSeparateEachFirmwarePcrAndExitBootServices() {
        for (String name : List.of(RealLogs.CRYPTO_AGILE, RealLogs.COREOS, RealLogs.OPTION_ROM, RealLogs.EBS_MISSING)) {
            EventLog log = EventLog.parse(RealLogs.bytes(name));
            Set<Integer> separated = log.events().stream().filter(e -> e.is(EventType.EV_SEPARATOR))
                    .map(Event::pcrIndex).collect(Collectors.toSet());
            assertTrue(separated.containsAll(Set.of(0, 1, 2, 3, 4, 5, 6, 7)), name + ": " + separated);
            assertFalse(kinds(log).contains(Problem.Kind.MISSING_SEPARATOR), name);
        }
        assertFalse(kinds(EventLog.parse(RealLogs.bytes(RealLogs.COREOS))).contains(
                Problem.Kind.MISSING_EXIT_BOOT_SERVICES));
    }

    @Test
    void missingExitBootServicesIsReported() {
        EventLog log = EventLog.parse(RealLogs.bytes(RealLogs.EBS_MISSING));
        assertTrue(log.complete());
        assertEquals(List.of(Problem.Kind.MISSING_EXIT_BOOT_SERVICES), kinds(log));
    }

    @Test
    void aLogOfOneNoActionEventIsReportedAndSetsTheStartupLocality() {
        EventLog log = EventLog.parse(RealLogs.bytes(RealLogs.SHORT_NO_ACTION));
        assertTrue(log.complete());
        assertEquals(1, log.events().size());
        assertEquals(Optional.of(new StartupLocality(3)), log.events().get(0).decoded());
        assertEquals(Optional.of(3), log.startupLocality());
        assertEquals(List.of(Problem.Kind.NO_MEASUREMENTS), kinds(log));
        assertTrue(log.replay().touchedPcrs().isEmpty());
    }

    @Test
    void aPartialLogIsReportedWithItsMissingSeparators() {
        EventLog log = EventLog.parse(RealLogs.bytes(RealLogs.SB_CERT));
        Problem missing = log.problems().stream().filter(p -> p.kind() == Problem.Kind.MISSING_SEPARATOR)
                .findFirst().orElseThrow();
        assertTrue(missing.message().contains("[0, 1, 2, 3, 4, 5, 6]"), missing.message());
        assertTrue(kinds(log).contains(Problem.Kind.MISSING_EXIT_BOOT_SERVICES));
    }

    @Test
    void commonEventDataIsDecoded() {
        EventLog log = EventLog.parse(RealLogs.bytes(RealLogs.COREOS));
        UefiVariableData secureBoot = decoded(log, EventType.EV_EFI_VARIABLE_DRIVER_CONFIG, UefiVariableData.class);
        assertEquals("SecureBoot", secureBoot.unicodeName());
        assertEquals("8be4df61-93ca-11d2-aa0d-00e098032b8c", secureBoot.variableName().toString());
        assertEquals(new Separator(0), decoded(log, EventType.EV_SEPARATOR, Separator.class));
        assertEquals(new EventText("GCE Virtual Firmware v1"), decoded(log, EventType.EV_S_CRTM_VERSION, EventText.class));
        assertTrue(log.events().stream().filter(e -> e.is(EventType.EV_IPL)).map(e -> e.decoded().orElseThrow())
                .anyMatch(data -> ((EventText) data).text().startsWith("grub_cmd: ")));
        assertTrue(log.events().stream().anyMatch(e -> e.is(EventType.EV_EFI_ACTION)
                && e.decoded().equals(Optional.of(new EventText("Exit Boot Services Invocation")))));

        EventLog sbCert = EventLog.parse(RealLogs.bytes(RealLogs.SB_CERT));
        UefiImageLoadEvent image = decoded(sbCert, EventType.EV_EFI_BOOT_SERVICES_APPLICATION, UefiImageLoadEvent.class);
        assertEquals(Optional.of("\\EFI\\BOOT\\BOOTX64.EFI"), image.filePath());

        EventLog ebs = EventLog.parse(RealLogs.bytes(RealLogs.EBS_MISSING));
        assertEquals(new PlatformFirmwareBlob(0xff6a1000L, 0x5ff000L),
                decoded(ebs, EventType.EV_EFI_PLATFORM_FIRMWARE_BLOB, PlatformFirmwareBlob.class));
    }

    @Test
    void bytesAfterADecodedStructureAreReportedButTheStructureIsKept() {
        EventLog log = EventLog.parse(RealLogs.bytes(RealLogs.SB_CERT));
        Event shim = log.events().get(12);
        UefiVariableData authority = (UefiVariableData) shim.decoded().orElseThrow();
        assertEquals("Shim", authority.unicodeName());
        assertTrue(log.problems().stream().anyMatch(p -> p.kind() == Problem.Kind.UNDECODABLE_DATA
                && p.eventIndex() == 12 && p.message().contains("6 bytes follow the UEFI_VARIABLE_DATA")),
                log.problems().toString());
    }

    private static <T extends EventData> T decoded(EventLog log, EventType type, Class<T> kind) {
        return log.events().stream().filter(e -> e.is(type)).map(e -> e.decoded().orElseThrow())
                .filter(kind::isInstance).map(kind::cast).findFirst().orElseThrow();
    }

    private static List<Problem.Kind> kinds(EventLog log) {
        return log.problems().stream().map(Problem::kind).collect(Collectors.toList());
    }

    private static void assertPcr(ReplayedPcrs pcrs, HashAlgorithm bank, int index, String hex) {
        assertEquals(Optional.of(Bytes.fromHex(hex)), pcrs.value(bank, index), bank.tpmName() + " PCR " + index);
    }
}
