package org.vtpm.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A Markdown (GitHub) table built row by row; numbers are formatted the same way everywhere. */
public final class MarkdownTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public MarkdownTable(String... header) {
        this.header = List.of(header);
    }

    public MarkdownTable row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
        }
        rows.add(List.of(cells));
        return this;
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        line(out, header);
        out.append('|');
        for (int i = 0; i < header.size(); i++) {
            out.append(i == 0 ? "---|" : "--:|");
        }
        out.append('\n');
        for (List<String> row : rows) {
            line(out, row);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(cell.replace("|", "\\|")).append(" |");
        }
        out.append('\n');
    }

    /** Operations per second: no decimals from 100 up, three significant digits below. */
    public static String rate(double perSecond) {
        if (perSecond >= 100) {
            return String.format(Locale.ROOT, "%,.0f", perSecond);
        }
        return String.format(Locale.ROOT, "%.3g", perSecond);
    }

    /** Microseconds from nanoseconds, with one decimal below 100 µs. */
    public static String micros(double nanos) {
        double micros = nanos / 1_000;
        return micros >= 100 ? String.format(Locale.ROOT, "%,.0f", micros) : String.format(Locale.ROOT, "%.1f", micros);
    }

    public static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2fx", ratio);
    }

    /** Bytes as KiB with one decimal. */
    public static String kib(double bytes) {
        return String.format(Locale.ROOT, "%,.1f KiB", bytes / 1024);
    }
}
