package org.vtpm.tpm.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.vtpm.tpm.transport.HandBuiltCommands;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Random bytes on the data channel: only well-formed TPM responses come back, then the server serves on. */
class RandomBytesPropertiesTest {

    private static Path stateDirectory;
    private static ServedTpm tpm;

    @BeforeContainer
    static void start() throws Exception {
        stateDirectory = Files.createTempDirectory("vtpm-random");
        tpm = ServedTpm.start(stateDirectory);
        tpm.platform.init(false);
        tpm.platform.execute(HandBuiltCommands.startupClear());
    }

    @AfterContainer
    static void stop() throws Exception {
        tpm.close();
        TempDirectories.delete(stateDirectory);
    }

    @Property(tries = 60)
    void anyBytesGetWellFormedAnswersOrADisconnect(@ForAll("frames") byte[] bytes) throws Exception {
        try (RawConnection raw = MalformedInputTest.data(tpm)) {
            raw.send(bytes).endOutput();
            raw.setReadTimeout(2000);
            while (true) {
                byte[] response;
                try {
                    response = raw.readTpmResponse();
                } catch (EOFException e) {
                    break;
                }
                assertEquals(response.length, HandBuiltCommands.responseSize(response));
                int tag = HandBuiltCommands.tag(response);
                assertTrue(tag == 0x8001 || tag == 0x8002, "tag " + Integer.toHexString(tag));
            }
        }
        MalformedInputTest.assertServing(tpm);
    }

    /** Random frames whose size field mostly tells the truth, so they reach the TPM, plus plain noise. */
    @Provide
    Arbitrary<byte[]> frames() {
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(64);
        Arbitrary<byte[]> framed = Arbitraries.bytes().array(byte[].class).ofMinSize(10).ofMaxSize(300)
                .map(frame -> {
                    ByteBuffer.wrap(frame).putInt(2, frame.length);
                    return frame;
                });
        return Arbitraries.oneOf(noise, framed, framed);
    }
}
