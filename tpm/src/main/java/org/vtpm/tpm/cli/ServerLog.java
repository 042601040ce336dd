package org.vtpm.tpm.cli;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Where {@code vtpm socket} logs: the library logs through {@link System.Logger}, which goes to
 * java.util.logging here; this points it at swtpm's {@code --log} file (or standard error) with one
 * line per record.
 *
 * <p>swtpm's levels map as: 0 warnings and errors only, 1 (the default) also start and stop,
 * 2 to 4 also connections, 5 and more everything.
 */
final class ServerLog {

    private static final String PACKAGE = "org.vtpm.tpm";

    private ServerLog() {
    }

    /**
     * Installs the handler; the returned one is closed at exit so the last lines reach the file.
     * Disabled logging still installs one, with nothing passing it.
     */
    static Handler configure(boolean enabled, Optional<Path> file, int level, boolean truncate) throws IOException {
        OutputStream stream = file.isPresent()
                ? new FileOutputStream(file.get().toFile(), !truncate)
                : System.err;
        Handler handler = new StreamHandler(stream, new LineFormatter()) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        Level threshold = enabled ? level(level) : Level.OFF;
        handler.setLevel(threshold);
        Logger root = Logger.getLogger("");
        for (Handler existing : root.getHandlers()) {
            root.removeHandler(existing);
        }
        root.addHandler(handler);
        root.setLevel(Level.WARNING);
        Logger.getLogger(PACKAGE).setLevel(threshold);
        return handler;
    }

    static Level level(int swtpmLevel) {
        if (swtpmLevel <= 0) {
            return Level.WARNING;
        }
        if (swtpmLevel == 1) {
            return Level.INFO;
        }
        return swtpmLevel < 5 ? Level.FINE : Level.ALL;
    }

    private static final class LineFormatter extends Formatter {
        @Override
        public String format(LogRecord record) {
            String line = Instant.ofEpochMilli(record.getMillis()) + " " + record.getLevel().getName() + " "
                    + formatMessage(record) + System.lineSeparator();
            return record.getThrown() == null ? line : line + record.getThrown() + System.lineSeparator();
        }
    }
}
