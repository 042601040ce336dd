package org.vtpm.tpm.engine.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.vtpm.tpm.wire.TpmFormatException;

/** TPM2_ClockRateAdjust's effect on Clock: steps, their limit, and the state that carries them. */
class ClockRateTest {

    @Test
    void stepsSlowAndSpeedTheClockWithinFivePercent() throws Exception {
        Clock clock = Clock.manufactured();
        clock.tick(30_000);
        assertEquals(30_000, clock.clock());
        clock.adjustRate(-3);
        clock.tick(30_300);
        assertEquals(60_000, clock.clock());
        clock.adjustRate(3);
        clock.adjustRate(1);
        clock.tick(29_999);
        assertEquals(90_000, clock.clock());
        assertEquals(90_000, clock.time());
        for (int i = 0; i < 10; i++) {
            clock.adjustRate(3);
        }
        clock.tick(28_500);
        assertEquals(120_000, clock.clock());
        clock.adjustRate(-2);
        clock.tick(10_000);
        Clock restored = roundTrip(clock);
        restored.tick(18_530);
        assertEquals(150_000, restored.clock());
        restored.init(true);
        restored.tick(30_000);
        assertEquals(30_000, restored.time());
    }

    @Test
    void aNominalClockIsReadableByVersionOne() throws Exception {
        Clock clock = Clock.manufactured();
        clock.tick(5);
        assertEquals(1, clock.minReaderVersion());
        clock.adjustRate(1);
        assertEquals(Clock.VERSION, clock.minReaderVersion());
        assertEquals(5, roundTrip(clock).clock());
    }

    private static Clock roundTrip(Clock clock) throws TpmFormatException, StateFormatException {
        byte[] saved = new StateWriter().section(SectionId.CLOCK, Clock.VERSION, clock.minReaderVersion(),
                clock::write).toByteArray();
        return Clock.read(StateReader.open(saved).require(SectionId.CLOCK));
    }
}
