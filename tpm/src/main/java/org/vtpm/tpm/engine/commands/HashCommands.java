package org.vtpm.tpm.engine.commands;

import org.vtpm.tpm.command.Hash;
import org.vtpm.tpm.command.HashResponse;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.engine.state.Hierarchies;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.wire.TpmRc;

/** TPM2_Hash (Part 3, 15.4). */
public final class HashCommands {

    private final Hierarchies hierarchies;

    public HashCommands(Hierarchies hierarchies) {
        this.hierarchies = hierarchies;
    }

    public HashResponse hash(Hash command, Request request) throws CommandError {
        HashAlgorithm alg = Algorithms.hash(command.hashAlg())
                .orElseThrow(() -> CommandError.of(TpmRc.HASH.withParameter(2)));
        if (!hierarchies.isEnabled(command.hierarchy())) {
            throw CommandError.of(TpmRc.HIERARCHY.withParameter(3));
        }
        byte[] data = command.data().buffer();
        byte[] digest = alg.hash(data);
        return new HashResponse(new Digest(digest),
                Tickets.hashCheck(hierarchies, command.hierarchy(), alg, digest, data));
    }
}
