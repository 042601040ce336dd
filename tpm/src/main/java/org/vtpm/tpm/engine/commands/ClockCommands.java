package org.vtpm.tpm.engine.commands;

import org.vtpm.tpm.command.ReadClock;
import org.vtpm.tpm.command.ReadClockResponse;
import org.vtpm.tpm.engine.state.Clock;
import org.vtpm.tpm.types.ClockInfo;
import org.vtpm.tpm.types.TimeInfo;

/** TPM2_ReadClock (Part 3, 29.1). */
public final class ClockCommands {

    private final Clock clock;

    public ClockCommands(Clock clock) {
        this.clock = clock;
    }

    public ReadClockResponse readClock(ReadClock command, Request request) {
        return new ReadClockResponse(new TimeInfo(clock.time(), new ClockInfo(clock.clock(), clock.resetCount(),
                clock.restartCount(), clock.safe())));
    }
}
