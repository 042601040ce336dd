package org.vtpm.tpm.engine.state;

import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmReader;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * TPMS_CLOCK_INFO and TPMS_TIME_INFO's time: {@code clock} (milliseconds the TPM has been powered,
 * never going back), {@code time} (milliseconds since the last TPM_Init), and the reset and restart
 * counters. Both advance only when a command arrives ({@link #tick}), so a state saved twice without
 * a command in between is the same bytes.
 */
public final class Clock {

    private long clock;
    private long time;
    private int resetCount;
    private int restartCount;
    private boolean safe;

    private Clock(long clock, long time, int resetCount, int restartCount, boolean safe) {
        this.clock = clock;
        this.time = time;
        this.resetCount = resetCount;
        this.restartCount = restartCount;
        this.safe = safe;
    }

    public static Clock manufactured() {
        return new Clock(0, 0, 0, 0, true);
    }

    /** Advances clock and time by the milliseconds elapsed since the previous tick. */
    public void tick(long elapsedMillis) {
        if (elapsedMillis > 0) {
            clock += elapsedMillis;
            time += elapsedMillis;
        }
    }

    /** _TPM_Init: time restarts; clock is not safe until an orderly shutdown recorded it. */
    public void init(boolean orderly) {
        time = 0;
        safe = orderly;
    }

    /** TPM Reset: a new boot cycle. */
    public void reset() {
        resetCount++;
        restartCount = 0;
    }

    /** TPM Restart or Resume. */
    public void restart() {
        restartCount++;
    }

    /** TPM2_ClockSet: moves clock forward (the caller has checked it is not backwards). */
    public void set(long newClock) {
        clock = newClock;
    }

    /** TPM2_Clear: clock and the reset and restart counts start again from zero, and clock is safe. */
    public void clear() {
        clock = 0;
        resetCount = 0;
        restartCount = 0;
        safe = true;
    }

    public long clock() {
        return clock;
    }

    public long time() {
        return time;
    }

    public int resetCount() {
        return resetCount;
    }

    public int restartCount() {
        return restartCount;
    }

    public boolean safe() {
        return safe;
    }

    public void write(TpmWriter out) {
        out.writeU64(clock).writeU64(time).writeU32(resetCount).writeU32(restartCount);
        StateFields.writeBoolean(out, safe);
    }

    public static Clock read(StateReader.Section section) throws TpmFormatException {
        TpmReader in = section.body();
        Clock clock = new Clock(in.readU64(), in.readU64(), in.readU32(), in.readU32(), StateFields.readBoolean(in));
        in.requireEnd();
        return clock;
    }
}
