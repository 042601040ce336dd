package org.vtpm.tpm.eventlog;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.vtpm.tpm.crypto.HashAlgorithm;

/** Writes synthetic event logs, byte by byte as firmware would, for parser tests. */
final class LogBuilder {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Map<Integer, Integer> table;

    private LogBuilder(Map<Integer, Integer> table) {
        this.table = table;
    }

    /** A SHA-1 log ({@code TCG_PCR_EVENT} only), with no header event. */
    static LogBuilder sha1() {
        return new LogBuilder(Map.of());
    }

    /** A crypto-agile log whose Spec ID table lists {@code algorithms}. */
    static LogBuilder cryptoAgile(HashAlgorithm... algorithms) {
        Map<Integer, Integer> table = new LinkedHashMap<>();
        for (HashAlgorithm algorithm : algorithms) {
            table.put(algorithm.algId(), algorithm.digestSize());
        }
        return cryptoAgile(table);
    }

    /** A crypto-agile log with an arbitrary table (algorithm id to digest size). */
    static LogBuilder cryptoAgile(Map<Integer, Integer> table) {
        return cryptoAgile(table, 0);
    }

    /** A crypto-agile log whose header event names {@code headerPcr}, which should be 0. */
    static LogBuilder cryptoAgile(Map<Integer, Integer> table, int headerPcr) {
        LogBuilder builder = new LogBuilder(table);
        builder.sha1Event(headerPcr, EventType.EV_NO_ACTION.value(), new byte[20], specIdEvent03(table));
        return builder;
    }

    static byte[] specIdEvent03(Map<Integer, Integer> table) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(signature(SpecIdEvent.CRYPTO_AGILE_SIGNATURE));
        data.writeBytes(le32(0));
        data.writeBytes(new byte[] {0, 2, 0, 2});
        data.writeBytes(le32(table.size()));
        table.forEach((alg, size) -> {
            data.writeBytes(le16(alg));
            data.writeBytes(le16(size));
        });
        data.write(0);
        return data.toByteArray();
    }

    static byte[] startupLocality(int locality) {
        return concat(signature(StartupLocality.SIGNATURE), new byte[] {(byte) locality});
    }

    static byte[] signature(String text) {
        return Arrays.copyOf(text.getBytes(StandardCharsets.US_ASCII), 16);
    }

    /** A {@code TCG_PCR_EVENT} with the given SHA-1 digest. */
    LogBuilder sha1Event(int pcr, int type, byte[] digest, byte[] data) {
        out.writeBytes(le32(pcr));
        out.writeBytes(le32(type));
        out.writeBytes(digest);
        out.writeBytes(le32(data.length));
        out.writeBytes(data);
        return this;
    }

    /**
     * An event whose digests are the hash of {@code data} in every bank (for an algorithm not
     * known here, a filler of the table's size), in the layout of this log.
     */
    LogBuilder event(int pcr, EventType type, byte[] data) {
        if (table.isEmpty()) {
            return sha1Event(pcr, type.value(), HashAlgorithm.SHA1.hash(data), data);
        }
        Map<Integer, byte[]> digests = new LinkedHashMap<>();
        table.forEach((alg, size) -> digests.put(alg, HashAlgorithm.fromAlgId(alg)
                .map(algorithm -> algorithm.hash(data)).orElseGet(() -> filled(size, 0xAB))));
        return event2(pcr, type.value(), digests, data);
    }

    /** A {@code TCG_PCR_EVENT2} with exactly the given digests. */
    LogBuilder event2(int pcr, int type, Map<Integer, byte[]> digests, byte[] data) {
        out.writeBytes(le32(pcr));
        out.writeBytes(le32(type));
        out.writeBytes(le32(digests.size()));
        digests.forEach((alg, digest) -> {
            out.writeBytes(le16(alg));
            out.writeBytes(digest);
        });
        out.writeBytes(le32(data.length));
        out.writeBytes(data);
        return this;
    }

    LogBuilder raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    byte[] build() {
        return out.toByteArray();
    }

    static byte[] uefiVariableData(UUID guid, String name, byte[] value) {
        byte[] unicodeName = name.getBytes(StandardCharsets.UTF_16LE);
        return concat(guid(guid), le64(name.length()), le64(value.length), unicodeName, value);
    }

    static byte[] imageLoadEvent(long location, long length, byte[] devicePath) {
        return concat(le64(location), le64(length), le64(0), le64(devicePath.length), devicePath);
    }

    /** A device path of one media file-path node and the end node. */
    static byte[] filePathDevicePath(String path) {
        byte[] text = (path + "\0").getBytes(StandardCharsets.UTF_16LE);
        return concat(new byte[] {4, 4}, le16(text.length + 4), text, new byte[] {0x7F, (byte) 0xFF, 4, 0});
    }

    static byte[] guid(UUID uuid) {
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        byte[] data4 = new byte[8];
        for (int i = 0; i < 8; i++) {
            data4[i] = (byte) (lsb >>> (56 - 8 * i));
        }
        return concat(le32((int) (msb >>> 32)), le16((int) (msb >>> 16) & 0xFFFF), le16((int) msb & 0xFFFF), data4);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] filled(int size, int value) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    static byte[] le16(int value) {
        return new byte[] {(byte) value, (byte) (value >>> 8)};
    }

    static byte[] le32(int value) {
        return new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
    }

    static byte[] le64(long value) {
        return concat(le32((int) value), le32((int) (value >>> 32)));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            joined.writeBytes(part);
        }
        return joined.toByteArray();
    }
}
