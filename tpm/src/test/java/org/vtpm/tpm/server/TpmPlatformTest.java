package org.vtpm.tpm.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vtpm.tpm.transport.HandBuiltCommands;
import org.vtpm.tpm.transport.swtpm.PtmException;

/**
 * The platform's own rules, with devices and stores that fail on purpose: failures become the
 * right codes, and the permanent state reaches the store exactly when it changed.
 */
class TpmPlatformTest {

    private static final byte[] OK_RESPONSE = {(byte) 0x80, 0x01, 0, 0, 0, 10, 0, 0, 0, 0};

    @Test
    void aDeviceDefectIsAFailureResponseNotAnException() throws Exception {
        ScriptedDevice device = new ScriptedDevice();
        TpmPlatform platform = new TpmPlatform(device, new MemoryStore());
        platform.init(false);
        device.failNextCommand = true;
        assertEquals(0x101, HandBuiltCommands.responseCode(platform.execute(HandBuiltCommands.getRandom8())));
        assertTrue(platform.isRunning());
        assertArrayEquals(OK_RESPONSE, platform.execute(HandBuiltCommands.getRandom8()));
    }

    @Test
    void thePermanentStateIsStoredWhenItChangedAndOnlyThen() throws Exception {
        ScriptedDevice device = new ScriptedDevice();
        MemoryStore store = new MemoryStore();
        TpmPlatform platform = new TpmPlatform(device, store);
        platform.init(false);
        assertEquals(List.of("v0"), store.written());

        platform.execute(HandBuiltCommands.getRandom8());
        assertEquals(List.of("v0"), store.written(), "same generation: not even read");
        device.generation++;
        platform.execute(HandBuiltCommands.getRandom8());
        assertEquals(List.of("v0"), store.written(), "new generation, same bytes: not rewritten");
        device.change("v1");
        platform.execute(HandBuiltCommands.getRandom8());
        assertEquals(List.of("v0", "v1"), store.written());
    }

    @Test
    void aFailedStoreKeepsTheAnswerAndIsRetried() throws Exception {
        ScriptedDevice device = new ScriptedDevice();
        MemoryStore store = new MemoryStore();
        TpmPlatform platform = new TpmPlatform(device, store);
        platform.init(false);
        store.failing = true;
        device.change("v1");
        assertArrayEquals(OK_RESPONSE, platform.execute(HandBuiltCommands.getRandom8()));
        store.failing = false;
        platform.execute(HandBuiltCommands.getRandom8());
        assertEquals(List.of("v0", "v1"), store.written());
    }

    @Test
    void powerOnFailuresAndUnreadableStateAreTypedResults() {
        ScriptedDevice device = new ScriptedDevice();
        device.failPowerOn = true;
        PlatformException refused = assertThrows(PlatformException.class,
                () -> new TpmPlatform(device, new MemoryStore()).init(false));
        assertEquals(PtmException.TPM_FAIL, refused.result());

        MemoryStore unreadable = new MemoryStore();
        unreadable.failing = true;
        TpmPlatform platform = new TpmPlatform(new ScriptedDevice(), unreadable);
        PlatformException io = assertThrows(PlatformException.class, () -> platform.init(false));
        assertEquals(PtmException.TPM_IOERROR, io.result());
        assertFalse(platform.isRunning());
    }

    @Test
    void initResumesAStoredVolatileStateAndMayDeleteIt() throws Exception {
        ScriptedDevice device = new ScriptedDevice();
        MemoryStore store = new MemoryStore();
        TpmPlatform platform = new TpmPlatform(device, store);
        platform.init(false);
        platform.storeVolatile();
        platform.init(true);
        assertEquals(Optional.of("volatile"), device.resumedFrom);
        assertFalse(store.load(StatePart.VOLATILE).isPresent());
        platform.init(false);
        assertEquals(Optional.empty(), device.resumedFrom);
    }

    @Test
    void localitiesAreCheckedBeforeTheDevice() throws Exception {
        ScriptedDevice device = new ScriptedDevice();
        TpmPlatform platform = new TpmPlatform(device, new MemoryStore());
        platform.init(false);
        assertEquals(0x907, HandBuiltCommands.responseCode(platform.execute(5, HandBuiltCommands.getRandom8())));
        assertEquals(0, device.commands);
        PlatformException e = assertThrows(PlatformException.class, () -> platform.resetTpmEstablished(2));
        assertEquals(PtmException.TPM_BAD_LOCALITY, e.result());
    }

    /** Not a TPM: answers every command with success and reports the state it is told to. */
    private static final class ScriptedDevice implements TpmDevice {
        long generation;
        String permanent = "v0";
        boolean failNextCommand;
        boolean failPowerOn;
        int commands;
        Optional<String> resumedFrom = Optional.empty();

        void change(String value) {
            permanent = value;
            generation++;
        }

        @Override
        public void powerOn(Optional<byte[]> permanentState, Optional<byte[]> volatileState)
                throws TpmDeviceException {
            if (failPowerOn) {
                throw new TpmDeviceException("no power");
            }
            resumedFrom = volatileState.map(String::new);
        }

        @Override
        public void powerOff() {
        }

        @Override
        public byte[] process(int locality, byte[] command) {
            commands++;
            if (failNextCommand) {
                failNextCommand = false;
                throw new IllegalStateException("defect");
            }
            return OK_RESPONSE.clone();
        }

        @Override
        public byte[] permanentState() {
            return permanent.getBytes();
        }

        @Override
        public byte[] volatileState() {
            return "volatile".getBytes();
        }

        @Override
        public long permanentStateGeneration() {
            return generation;
        }

        @Override
        public boolean tpmEstablished() {
            return false;
        }

        @Override
        public void hashStart() {
        }

        @Override
        public void hashData(byte[] data) {
        }

        @Override
        public void hashEnd() {
        }

        @Override
        public void resetTpmEstablished(int locality) {
        }
    }

    private static final class MemoryStore implements StateStore {
        private final Map<StatePart, byte[]> parts = new EnumMap<>(StatePart.class);
        private final List<String> permanentWrites = new ArrayList<>();
        boolean failing;

        List<String> written() {
            return permanentWrites;
        }

        @Override
        public Optional<byte[]> load(StatePart part) throws IOException {
            failIfAsked();
            return Optional.ofNullable(parts.get(part));
        }

        @Override
        public void store(StatePart part, byte[] state) throws IOException {
            failIfAsked();
            parts.put(part, state);
            if (part == StatePart.PERMANENT) {
                permanentWrites.add(new String(state));
            }
        }

        @Override
        public void delete(StatePart part) throws IOException {
            failIfAsked();
            parts.remove(part);
        }

        private void failIfAsked() throws IOException {
            if (failing) {
                throw new IOException("disk full");
            }
        }
    }
}
