package org.vtpm.tpm.engine.commands;

import org.vtpm.tpm.command.GetRandom;
import org.vtpm.tpm.command.GetRandomResponse;
import org.vtpm.tpm.command.StirRandom;
import org.vtpm.tpm.command.StirRandomResponse;
import org.vtpm.tpm.engine.state.RandomSource;
import org.vtpm.tpm.types.Digest;

/** TPM2_GetRandom and TPM2_StirRandom (Part 3, clause 16). */
public final class RandomCommands {

    private final RandomSource random;

    public RandomCommands(RandomSource random) {
        this.random = random;
    }

    /** Answers at most sizeof(TPMU_HA) bytes, however many are asked for (Part 3, 16.1). */
    public GetRandomResponse getRandom(GetRandom command, Request request) {
        int length = Math.min(command.bytesRequested(), Algorithms.MAX_DIGEST_SIZE);
        return new GetRandomResponse(new Digest(random.generate(length)));
    }

    public StirRandomResponse stirRandom(StirRandom command, Request request) {
        random.stir(command.inData().buffer());
        return new StirRandomResponse();
    }
}
