package org.vtpm.rar.hosting;

import java.io.IOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.vtpm.rar.api.VtpmState;
import org.vtpm.rar.api.VtpmStateListener;
import org.vtpm.tpm.server.StatePart;
import org.vtpm.tpm.server.StateStore;

/**
 * The state store of one hosted vTPM: starts from the state the application handed in, and
 * delivers every write to the application's listener before it returns (which is before the
 * platform answers the command). Keeps the latest bytes, for the final state on stop.
 */
final class ListenerStateStore implements StateStore {

    private final String vtpmId;
    private final StateDelivery delivery;
    private final Map<StatePart, byte[]> latest = new EnumMap<>(StatePart.class);
    private final Map<StatePart, Long> generations = new EnumMap<>(StatePart.class);

    ListenerStateStore(String vtpmId, VtpmState initial, StateDelivery delivery) {
        this.vtpmId = vtpmId;
        this.delivery = delivery;
        if (!initial.isFresh()) {
            latest.put(StatePart.PERMANENT, initial.permanent());
        }
        initial.volatileState().ifPresent(state -> latest.put(StatePart.VOLATILE, state));
    }

    @Override
    public synchronized Optional<byte[]> load(StatePart part) {
        return Optional.ofNullable(latest.get(part)).map(byte[]::clone);
    }

    /** A volatile state equal to the last one delivered is not delivered again (write-behind runs often). */
    @Override
    public synchronized void store(StatePart part, byte[] state) throws IOException {
        if (part == StatePart.VOLATILE && Arrays.equals(latest.get(part), state)) {
            return;
        }
        long generation = generations.merge(part, 1L, Long::sum);
        delivery.deliver(vtpmId, listenerPart(part), generation, state);
        latest.put(part, state.clone());
    }

    @Override
    public synchronized void delete(StatePart part) {
        latest.remove(part);
    }

    synchronized VtpmState snapshot() {
        return new VtpmState(latest.getOrDefault(StatePart.PERMANENT, new byte[0]),
                Optional.ofNullable(latest.get(StatePart.VOLATILE)));
    }

    private static VtpmStateListener.Part listenerPart(StatePart part) {
        return part == StatePart.PERMANENT ? VtpmStateListener.Part.PERMANENT : VtpmStateListener.Part.VOLATILE;
    }
}
