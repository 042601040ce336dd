package org.vtpm.tpm.server;

import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The server side of one protocol on one accepted connection. {@link #serve} returns when the
 * peer ends the session or sends something after which the stream can no longer be trusted to
 * be aligned on messages; the server then closes the connection. End of stream and read
 * timeouts surface as {@link IOException}s and end the connection the same way.
 */
interface ChannelProtocol {

    void serve(MessageInput in, DataOutputStream out) throws IOException;
}
