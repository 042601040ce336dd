package org.vtpm.tpm.transport.device;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.vtpm.tpm.transport.EndpointUnavailableException;
import org.vtpm.tpm.transport.FramingException;
import org.vtpm.tpm.transport.PeerClosedException;
import org.vtpm.tpm.transport.TpmFrames;
import org.vtpm.tpm.transport.TpmTransport;
import org.vtpm.tpm.transport.TpmTransportException;

/**
 * A TPM behind a Linux character device: one {@code write} of the command, then the response read
 * back. {@code /dev/tpmrm0} (the kernel's resource manager) is the right choice for a shared host
 * TPM; {@code /dev/tpm0} gives exclusive, unmanaged access.
 */
public final class LinuxTpmDevice implements TpmTransport {

    public static final Path RESOURCE_MANAGER = Path.of("/dev/tpmrm0");

    private final Path path;
    private final FileChannel channel;
    private final int maxResponseSize;

    private LinuxTpmDevice(Path path, FileChannel channel, int maxResponseSize) {
        this.path = path;
        this.channel = channel;
        this.maxResponseSize = maxResponseSize;
    }

    /** Opens {@code /dev/tpmrm0}. */
    public static LinuxTpmDevice open() throws TpmTransportException {
        return open(RESOURCE_MANAGER);
    }

    public static LinuxTpmDevice open(Path path) throws TpmTransportException {
        return open(path, TpmFrames.DEFAULT_MAX_RESPONSE_SIZE);
    }

    /** @param maxResponseSize the largest response accepted, and the read buffer's size */
    public static LinuxTpmDevice open(Path path, int maxResponseSize) throws TpmTransportException {
        String endpoint = path.toString();
        try {
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            return new LinuxTpmDevice(path, channel, maxResponseSize);
        } catch (NoSuchFileException e) {
            throw new EndpointUnavailableException(endpoint, "no such device (is a TPM present and its driver loaded?)",
                    e);
        } catch (AccessDeniedException e) {
            throw new EndpointUnavailableException(endpoint,
                    "permission denied (the user needs read/write access, usually the 'tss' group)", e);
        } catch (IOException e) {
            throw new EndpointUnavailableException(endpoint, "cannot open: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized byte[] transmit(byte[] command) throws TpmTransportException {
        String endpoint = path.toString();
        TpmFrames.checkCommand(endpoint, command);
        try {
            ByteBuffer out = ByteBuffer.wrap(command);
            while (out.hasRemaining()) {
                channel.write(out);
            }
            // The driver hands the whole response to the first read; the loop only guards against a
            // driver that splits it. Once the response is consumed the driver reads 0 bytes, so 0 means
            // the response was shorter than its header said.
            ByteBuffer in = ByteBuffer.allocate(maxResponseSize);
            long expected = -1;
            while (expected < 0 || in.position() < expected) {
                int n = channel.read(in);
                if (n < 0) {
                    throw new PeerClosedException(endpoint, "device returned end of file");
                }
                if (n == 0) {
                    throw new FramingException(endpoint, "response ended after " + in.position() + " bytes");
                }
                if (expected < 0 && in.position() >= TpmFrames.HEADER_SIZE) {
                    expected = TpmFrames.headerSize(in.array());
                    TpmFrames.checkResponseSize(endpoint, expected, maxResponseSize);
                }
            }
            if (in.position() != expected) {
                throw new FramingException(endpoint, "read " + in.position() + " bytes for a response of " + expected);
            }
            byte[] response = new byte[(int) expected];
            System.arraycopy(in.array(), 0, response, 0, response.length);
            return response;
        } catch (TpmTransportException e) {
            throw e;
        } catch (IOException e) {
            throw new PeerClosedException(endpoint, "device I/O failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return "TPM device " + path;
    }
}
