package org.vtpm.tpm.server;

import java.io.DataOutputStream;
import java.io.IOException;

import org.vtpm.tpm.transport.TpmFrames;
import org.vtpm.tpm.wire.TpmRc;

/**
 * swtpm's data channel: a bare TPM command in, a bare response out, any number per connection.
 * The command's header gives its size; a size outside {@code [10, buffer size]} is answered with
 * TPM_RC_COMMAND_SIZE and ends the connection, since the rest of the stream cannot be framed.
 */
final class SwtpmDataProtocol implements ChannelProtocol {

    private final TpmPlatform platform;
    private final boolean disconnectAfterResponse;

    /** @param disconnectAfterResponse one command per connection, as swtpm's {@code --server ...,disconnect} */
    SwtpmDataProtocol(TpmPlatform platform, boolean disconnectAfterResponse) {
        this.platform = platform;
        this.disconnectAfterResponse = disconnectAfterResponse;
    }

    @Override
    public void serve(MessageInput in, DataOutputStream out) throws IOException {
        do {
            in.awaitMessage();
            byte[] header = new byte[TpmFrames.HEADER_SIZE];
            in.readFully(header);
            long size = TpmFrames.headerSize(header);
            if (size < TpmFrames.HEADER_SIZE || size > platform.bufferSize()) {
                out.write(ErrorResponse.of(TpmRc.COMMAND_SIZE));
                out.flush();
                return;
            }
            byte[] command = new byte[(int) size];
            System.arraycopy(header, 0, command, 0, header.length);
            in.readFully(command, header.length, command.length - header.length);
            out.write(platform.execute(command));
            out.flush();
        } while (!disconnectAfterResponse);
    }
}
