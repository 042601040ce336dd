package org.vtpm.tpm.command;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vtpm.tpm.types.Cc;

/**
 * The command table: each implemented command's code and record, in TPM_CC order (the role of
 * the reference implementation's command dispatch table). The engine decodes by code; clients
 * find a command's code by its record.
 */
public final class Commands {

    private static final List<Map.Entry<Cc, Class<? extends TpmCommand<?>>>> TABLE = List.of(
            Map.entry(Cc.CREATE_PRIMARY, CreatePrimary.class),
            Map.entry(Cc.PCR_EVENT, PcrEvent.class),
            Map.entry(Cc.PCR_RESET, PcrReset.class),
            Map.entry(Cc.INCREMENTAL_SELF_TEST, IncrementalSelfTest.class),
            Map.entry(Cc.SELF_TEST, SelfTest.class),
            Map.entry(Cc.STARTUP, Startup.class),
            Map.entry(Cc.SHUTDOWN, Shutdown.class),
            Map.entry(Cc.STIR_RANDOM, StirRandom.class),
            Map.entry(Cc.CREATE, Create.class),
            Map.entry(Cc.HMAC, Hmac.class),
            Map.entry(Cc.LOAD, Load.class),
            Map.entry(Cc.FLUSH_CONTEXT, FlushContext.class),
            Map.entry(Cc.READ_PUBLIC, ReadPublic.class),
            Map.entry(Cc.GET_CAPABILITY, GetCapability.class),
            Map.entry(Cc.GET_RANDOM, GetRandom.class),
            Map.entry(Cc.GET_TEST_RESULT, GetTestResult.class),
            Map.entry(Cc.HASH, Hash.class),
            Map.entry(Cc.PCR_READ, PcrRead.class),
            Map.entry(Cc.PCR_EXTEND, PcrExtend.class));

    private static final Map<Integer, CommandSpec<?>> BY_CODE = new HashMap<>();
    private static final Map<Class<?>, CommandSpec<?>> BY_TYPE = new HashMap<>();

    static {
        for (var entry : TABLE) {
            CommandSpec<?> spec = build(entry.getKey(), entry.getValue());
            if (BY_CODE.put(entry.getKey().value(), spec) != null || BY_TYPE.put(entry.getValue(), spec) != null) {
                throw new ExceptionInInitializerError("duplicate command table entry " + entry);
            }
        }
    }

    private Commands() {
    }

    /** The spec of a command code this library implements. */
    public static Optional<CommandSpec<?>> spec(Cc code) {
        return Optional.ofNullable(BY_CODE.get(code.value()));
    }

    @SuppressWarnings("unchecked")
    public static <R extends TpmResponse> CommandSpec<R> spec(TpmCommand<R> command) {
        CommandSpec<?> spec = BY_TYPE.get(command.getClass());
        if (spec == null) {
            throw new IllegalArgumentException(command.getClass() + " is not in the command table");
        }
        return (CommandSpec<R>) spec;
    }

    /** Every implemented command, in TPM_CC order. */
    public static List<CommandSpec<?>> all() {
        return TABLE.stream().<CommandSpec<?>>map(e -> BY_TYPE.get(e.getValue())).toList();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static CommandSpec<?> build(Cc code, Class<? extends TpmCommand<?>> type) {
        return CommandSpec.of(code, (Class) type);
    }
}
