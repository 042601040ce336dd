package org.vtpm.tpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code vtpm socket} through the launcher: listed, helped, and wrong lines are exit code 2. */
class SocketCommandLineTest {

    @Test
    void theSocketCommandIsListedAndHelped() {
        assertTrue(CommandLine.run("--help").out().contains("socket"));
        CommandLine help = CommandLine.run("socket", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().startsWith("usage: vtpm socket --tpm2 --server"), help.out());
        assertTrue(help.out().contains("type=mssim"), help.out());
    }

    @Test
    void wrongCommandLinesExitWithTwo() {
        for (CommandLine run : new CommandLine[] {
            CommandLine.run("socket"),
            CommandLine.run("socket", "--tpm2", "--server", "port=1"),
            CommandLine.run("socket", "--tpm2", "--server", "type=udp", "--tpmstate", "dir=/tmp/x"),
            CommandLine.run("socket", "--tpm2", "-p", "99999", "--tpmstate", "dir=/tmp/x"),
        }) {
            assertEquals(2, run.exitCode(), run.err());
            assertTrue(run.err().startsWith("vtpm socket: "), run.err());
            assertTrue(run.err().contains("usage: vtpm socket"), run.err());
            assertEquals("", run.out());
        }
    }
}
