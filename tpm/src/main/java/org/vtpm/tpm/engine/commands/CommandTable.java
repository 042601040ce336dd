package org.vtpm.tpm.engine.commands;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.vtpm.tpm.command.CommandSpec;
import org.vtpm.tpm.command.Commands;
import org.vtpm.tpm.command.TpmCommand;
import org.vtpm.tpm.command.TpmResponse;
import org.vtpm.tpm.types.CcAttributes;

/**
 * The commands this engine implements, by command code: each one's function and its TPMA_CC, so
 * that dispatching and TPM_CAP_COMMANDS answer from the same table.
 */
public final class CommandTable {

    private static final Map<Class<?>, CommandSpec<?>> SPECS = new HashMap<>();

    static {
        for (CommandSpec<?> spec : Commands.all()) {
            SPECS.put(spec.commandType(), spec);
        }
    }

    private final TreeMap<Integer, Entry<?>> byCode = new TreeMap<>();

    /** One implemented command. */
    public static final class Entry<C extends TpmCommand<?>> {
        private final CommandSpec<?> spec;
        private final Class<C> type;
        private final CommandHandler<C> handler;
        private final CcAttributes attributes;

        private Entry(CommandSpec<?> spec, Class<C> type, CommandHandler<C> handler, CcAttributes flags) {
            this.spec = spec;
            this.type = type;
            this.handler = handler;
            CcAttributes attributes = new CcAttributes(flags.value() | (spec.code().value() & 0xFFFF)
                    | spec.handleCount() << 25);
            this.attributes = spec.responseHandleCount() > 0 ? attributes.with(CcAttributes.R_HANDLE) : attributes;
        }

        public CommandSpec<?> spec() {
            return spec;
        }

        /** The command's TPMA_CC. */
        public CcAttributes attributes() {
            return attributes;
        }

        public TpmResponse execute(TpmCommand<?> command, Request request) throws CommandError {
            return handler.execute(type.cast(command), request);
        }
    }

    /**
     * Adds a command.
     *
     * @param flags the TPMA_CC bits beyond what the command's layout implies: {@code nv} when it
     *     may write NV memory (so it ends an orderly shutdown), {@code extensive}, {@code flushed}
     */
    public <C extends TpmCommand<?>> CommandTable add(Class<C> type, CommandHandler<C> handler, CcAttributes flags) {
        CommandSpec<?> spec = SPECS.get(type);
        if (spec == null) {
            throw new IllegalArgumentException(type + " is not in the command table");
        }
        if (byCode.put(spec.code().value(), new Entry<>(spec, type, handler, flags)) != null) {
            throw new IllegalArgumentException(spec.code() + " added twice");
        }
        return this;
    }

    public Optional<Entry<?>> entry(int code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The TPMA_CC of every implemented command with a code at or above {@code first}, in code order. */
    public List<CcAttributes> attributesFrom(int first) {
        Collection<Entry<?>> tail = byCode.tailMap(first, true).values();
        List<CcAttributes> out = new ArrayList<>(tail.size());
        for (Entry<?> entry : tail) {
            out.add(entry.attributes);
        }
        return out;
    }

    public int size() {
        return byCode.size();
    }
}
