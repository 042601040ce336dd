package org.vtpm.tpm.engine.commands;

import org.vtpm.tpm.command.ClockRateAdjust;
import org.vtpm.tpm.command.ClockRateAdjustResponse;
import org.vtpm.tpm.command.ClockSet;
import org.vtpm.tpm.command.ClockSetResponse;
import org.vtpm.tpm.command.ReadClock;
import org.vtpm.tpm.command.ReadClockResponse;
import org.vtpm.tpm.engine.state.Clock;
import org.vtpm.tpm.types.ClockInfo;
import org.vtpm.tpm.types.TimeInfo;
import org.vtpm.tpm.wire.TpmRc;

/** TPM2_ReadClock, TPM2_ClockSet and TPM2_ClockRateAdjust (Part 3, 29.1 to 29.3). */
public final class ClockCommands {

    private static final long MAX_CLOCK = 0xFFFF_0000_0000_0000L;

    private final Clock clock;

    public ClockCommands(Clock clock) {
        this.clock = clock;
    }

    /** Clock only goes forward, and not into the top 16 bits the TPM keeps as headroom. */
    public ClockSetResponse clockSet(ClockSet command, Request request) throws CommandError {
        long newTime = command.newTime();
        if (Long.compareUnsigned(newTime, MAX_CLOCK) > 0 || Long.compareUnsigned(newTime, clock.clock()) < 0) {
            throw CommandError.of(TpmRc.VALUE.withParameter(1));
        }
        clock.set(newTime);
        return new ClockSetResponse();
    }

    /** TPM2_ClockRateAdjust (Part 3, 29.3): {@code rateAdjust} is TPM_CLOCK_ADJUST's byte. */
    public ClockRateAdjustResponse clockRateAdjust(ClockRateAdjust command, Request request) {
        clock.adjustRate((byte) command.rateAdjust());
        return new ClockRateAdjustResponse();
    }

    public ReadClockResponse readClock(ReadClock command, Request request) {
        return new ReadClockResponse(new TimeInfo(clock.time(), new ClockInfo(clock.clock(), clock.resetCount(),
                clock.restartCount(), clock.safe())));
    }
}
