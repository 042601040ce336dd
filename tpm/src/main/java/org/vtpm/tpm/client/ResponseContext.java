package org.vtpm.tpm.client;

import org.vtpm.tpm.command.ParameterHashes;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.Cc;
import org.vtpm.tpm.wire.Bytes;
import org.vtpm.tpm.wire.TpmRc;

/**
 * What a session sees of a successful response before its parameters are unmarshalled: the
 * response code, the command code and the parameter area as received, over which rpHash is
 * computed.
 */
public record ResponseContext(TpmRc rc, Cc code, Bytes parameters) {

    /** The response's rpHash. */
    public byte[] rpHash(HashAlgorithm hash) {
        return ParameterHashes.rpHash(hash, rc, code, parameters.toByteArray());
    }
}
