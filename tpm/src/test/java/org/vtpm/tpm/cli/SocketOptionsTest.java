package org.vtpm.tpm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** swtpm's socket command line, in the forms tools that start swtpm write it. */
class SocketOptionsTest {

    @Test
    void theFullFormToolsWrite() throws Exception {
        SocketOptions options = parse("--tpm2", "--server", "type=tcp,port=2321,bindaddr=0.0.0.0", "--ctrl",
                "type=tcp,port=2322", "--tpmstate", "dir=/var/lib/vtpm/a,mode=0600", "--flags",
                "not-need-init,startup-clear", "--pid", "file=/run/vtpm.pid", "--log",
                "file=/var/log/vtpm.log,level=20,truncate");
        assertEquals(SocketOptions.Protocol.SWTPM, options.protocol());
        assertEquals(new InetSocketAddress("0.0.0.0", 2321), options.server());
        assertEquals(Optional.of(new InetSocketAddress("127.0.0.1", 2322)), options.control());
        assertEquals(Path.of("/var/lib/vtpm/a"), options.stateDirectory());
        assertEquals(PosixFilePermissions.fromString("rw-------"), options.stateMode());
        assertTrue(options.notNeedInit());
        assertEquals(Optional.of(SocketOptions.StartupType.CLEAR), options.startup());
        assertEquals(Optional.of(Path.of("/run/vtpm.pid")), options.pidFile());
        assertTrue(options.logEnabled());
        assertEquals(Optional.of(Path.of("/var/log/vtpm.log")), options.logFile());
        assertEquals(20, options.logLevel());
        assertTrue(options.logTruncate());
        assertFalse(options.daemon());
        assertFalse(options.disconnect());
    }

    @Test
    void shortFormsAndDefaults() throws Exception {
        SocketOptions options = parse("--tpm2", "--server", "port=2321", "--tpmstate", "dir=/tmp/s", "-d");
        assertEquals(SocketOptions.Protocol.SWTPM, options.protocol());
        assertEquals(new InetSocketAddress("127.0.0.1", 2321), options.server());
        assertEquals(Optional.empty(), options.control());
        assertEquals(Optional.empty(), options.startup());
        assertEquals(SocketOptions.DEFAULT_LOG_LEVEL, options.logLevel());
        assertTrue(options.daemon());
        assertFalse(options.terminate());
        assertEquals(SocketOptions.Backend.ENGINE, options.backend());
        assertTrue(parse("--tpm2", "-p", "1", "--tpmstate", "dir=/tmp/s", "-t").terminate());

        assertEquals(new InetSocketAddress("127.0.0.1", 2400), parse("--tpm2", "-p", "2400", "--tpmstate",
                "dir=/tmp/s").server());
        assertEquals(new InetSocketAddress("127.0.0.1", 2401), parse("--tpm2", "--port=2401",
                "--tpmstate=dir=/tmp/s").server());
        assertTrue(parse("--tpm2", "--server=port=1,disconnect", "--tpmstate", "dir=/tmp/s").disconnect());
    }

    @Test
    void unixSockets() throws Exception {
        SocketOptions options = parse("--tpm2", "--server", "type=unixio,path=/run/vtpm/a.sock", "--ctrl",
                "type=unixio,path=/run/vtpm/a.sock.ctrl", "--tpmstate", "dir=/tmp/s");
        assertEquals(SocketOptions.Protocol.SWTPM, options.protocol());
        assertEquals(UnixDomainSocketAddress.of("/run/vtpm/a.sock"), options.server());
        assertEquals(Optional.of(UnixDomainSocketAddress.of("/run/vtpm/a.sock.ctrl")), options.control());
    }

    @Test
    void mssimAndTheStateFromTheEnvironment() throws Exception {
        SocketOptions options = SocketOptions.parse(List.of("--tpm2", "--server", "type=mssim,port=2321", "--log",
                "file=-", "--backend", "type=swtpm,path=/opt/swtpm/bin/swtpm"), Map.of("TPM_PATH", "/srv/tpm"));
        assertEquals(SocketOptions.Protocol.MSSIM, options.protocol());
        assertEquals(Path.of("/srv/tpm"), options.stateDirectory());
        assertFalse(options.logEnabled());
        assertEquals(SocketOptions.Backend.SWTPM, options.backend());
        assertEquals("/opt/swtpm/bin/swtpm", options.swtpmPath());
    }

    @Test
    void theChildOfADaemonGetsTheSameLineWithoutMinusD() {
        assertEquals(List.of("--tpm2", "-p", "1"), SocketOptions.withoutDaemon(List.of("-d", "--tpm2", "-p", "1",
                "--daemon")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--server port=1 --tpmstate dir=/s                              | --tpm2 is required",
        "--tpm2 --tpmstate dir=/s                                       | no data port",
        "--tpm2 --server port=1                                         | no state directory",
        "--tpm2 -p 1 --server port=2 --tpmstate dir=/s                  | both -p and --server port",
        "--tpm2 --server port=0 --tpmstate dir=/s                       | not a TCP port: '0'",
        "--tpm2 --server port=x --tpmstate dir=/s                       | not a TCP port: 'x'",
        "--tpm2 --server type=unixio --tpmstate dir=/s                  | type=unixio needs path=PATH",
        "--tpm2 --server type=unixio,path=/s,port=1 --tpmstate dir=/s   | port and bindaddr are for type=tcp",
        "--tpm2 -p 1 --server type=unixio,path=/s --tpmstate dir=/s     | -p is for TCP",
        "--tpm2 --server port=1,path=/s --tpmstate dir=/s               | path is for type=unixio",
        "--tpm2 --server port=1 --ctrl type=udp,port=2 --tpmstate dir=/s | unsupported type 'udp'",
        "--tpm2 --server type=udp,port=1 --tpmstate dir=/s              | unsupported type 'udp'",
        "--tpm2 --server port=1,port=2 --tpmstate dir=/s                | 'port' given twice",
        "--tpm2 --server port=1 --server port=2 --tpmstate dir=/s       | --server given twice",
        "--tpm2 --server port=1 --ctrl port=2 --tpmstate dir=/s         | type=tcp or type=unixio is required",
        "--tpm2 --server port=1 --ctrl type=tcp --tpmstate dir=/s       | port=PORT is required",
        "--tpm2 --server port=1 --tpmstate dir=/s,mode=0999             | not an octal file mode",
        "--tpm2 --server port=1 --tpmstate dir=/s,mode=0400             | owner must be able to read and write",
        "--tpm2 --server port=1 --tpmstate dir=/s --flags startup-clear,startup-state | only one startup-* flag",
        "--tpm2 --server port=1 --tpmstate dir=/s --flags lazy          | unsupported parameter 'lazy'",
        "--tpm2 --server port=1 --tpmstate dir=/s --log level=-1        | not a level",
        "--tpm2 --server port=1 --tpmstate dir=/s --pid fd=3            | unsupported parameter 'fd'",
        "--tpm2 --server port=1 --tpmstate dir=/s --key file=/k         | unsupported option '--key'",
        "--tpm2 --server port=1 --tpmstate dir=/s extra                 | unexpected argument 'extra'",
        "--tpm2 --server port=1 --tpmstate                              | --tpmstate needs a value",
        "--tpm2=yes --server port=1 --tpmstate dir=/s                   | --tpm2 takes no value",
        "--tpm2 --server type=mssim,port=65535 --tpmstate dir=/s        | platform port would be past 65535",
        "--tpm2 --server port=1 --tpmstate dir=/s --backend type=qemu   | unsupported type 'qemu'",
        "--tpm2 --server port=1 --tpmstate dir=/s --backend path=/bin/x | path is for type=swtpm",
    })
    void wrongCommandLinesSayWhatIsWrong(String line, String message) {
        UsageException e = assertThrows(UsageException.class, () -> parse(line.strip().split(" +")));
        assertTrue(e.getMessage().contains(message.strip()), e.getMessage());
    }

    private static SocketOptions parse(String... args) throws UsageException {
        return SocketOptions.parse(List.of(args), Map.of());
    }
}
