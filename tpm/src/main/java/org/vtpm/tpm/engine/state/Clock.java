package org.vtpm.tpm.engine.state;

import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.TpmReader;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * TPMS_CLOCK_INFO and TPMS_TIME_INFO's time: {@code clock} (milliseconds the TPM has been powered,
 * never going back), {@code time} (milliseconds since the last TPM_Init), and the reset and restart
 * counters. Both advance only when a command arrives ({@link #tick}), so a state saved twice without
 * a command in between is the same bytes.
 */
public final class Clock {

    /** TPM milliseconds per this many real ones at the nominal rate (the reference platform's scale). */
    private static final int NOMINAL = 30_000;
    /** How far TPM2_ClockRateAdjust may move the rate from nominal: 5 %. */
    private static final int LIMIT = NOMINAL / 20;
    private static final int[] STEPS = {300, 30, 1};

    private long clock;
    private long time;
    private int resetCount;
    private int restartCount;
    private boolean safe;
    /** Real milliseconds per {@link #NOMINAL} TPM milliseconds, and the real ones not yet counted. */
    private int rate;
    private long pending;

    private Clock(long clock, long time, int resetCount, int restartCount, boolean safe, int rate, long pending) {
        this.clock = clock;
        this.time = time;
        this.resetCount = resetCount;
        this.restartCount = restartCount;
        this.safe = safe;
        this.rate = rate;
        this.pending = pending;
    }

    public static Clock manufactured() {
        return new Clock(0, 0, 0, 0, true, NOMINAL, 0);
    }

    /**
     * Advances clock and time by the milliseconds elapsed since the previous tick, at the adjusted
     * rate; the part of a TPM millisecond left over waits for the next tick.
     */
    public void tick(long elapsedMillis) {
        if (elapsedMillis > 0) {
            // Bounded so the product fits in a long: thousands of years, more than any power cycle.
            long bounded = Math.min(elapsedMillis, Long.MAX_VALUE / NOMINAL - NOMINAL);
            long total = pending + bounded * NOMINAL;
            long advance = total / rate;
            pending = total % rate;
            clock += advance;
            time += advance;
        }
    }

    /**
     * TPM2_ClockRateAdjust: {@code adjust} from -3 (coarse slower) to 3 (coarse faster); the rate
     * stays within 5 % of nominal.
     */
    public void adjustRate(int adjust) {
        if (adjust == 0) {
            return;
        }
        int step = STEPS[3 - Math.abs(adjust)];
        int adjusted = adjust < 0 ? rate + step : rate - step;
        rate = Math.max(NOMINAL - LIMIT, Math.min(NOMINAL + LIMIT, adjusted));
    }

    /** _TPM_Init: time restarts, at the nominal rate; clock is not safe until an orderly shutdown recorded it. */
    public void init(boolean orderly) {
        time = 0;
        safe = orderly;
        rate = NOMINAL;
        pending = 0;
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

    /** Version 2 of the clock section adds the rate and the real time not yet counted. */
    public static final int VERSION = 2;

    /** The oldest layout that reads what {@link #write} writes: version 1 while the rate is nominal. */
    public int minReaderVersion() {
        return rate == NOMINAL && pending == 0 ? 1 : VERSION;
    }

    public void write(TpmWriter out) {
        out.writeU64(clock).writeU64(time).writeU32(resetCount).writeU32(restartCount);
        StateFields.writeBoolean(out, safe);
        out.writeU32(rate).writeU64(pending);
    }

    public static Clock read(StateReader.Section section) throws TpmFormatException {
        TpmReader in = section.body();
        long clock = in.readU64();
        long time = in.readU64();
        int resetCount = in.readU32();
        int restartCount = in.readU32();
        boolean safe = StateFields.readBoolean(in);
        int rate = NOMINAL;
        long pending = 0;
        if (section.version() >= VERSION) {
            rate = in.readU32();
            pending = in.readU64();
            if (rate < NOMINAL - LIMIT || rate > NOMINAL + LIMIT || pending < 0 || pending >= rate) {
                throw new TpmFormatException(TpmRc.VALUE, "clock rate " + rate + ", pending " + pending);
            }
        }
        in.requireEnd();
        return new Clock(clock, time, resetCount, restartCount, safe, rate, pending);
    }
}
