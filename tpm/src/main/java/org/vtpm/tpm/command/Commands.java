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
            Map.entry(Cc.EVICT_CONTROL, EvictControl.class),
            Map.entry(Cc.HIERARCHY_CONTROL, HierarchyControl.class),
            Map.entry(Cc.NV_UNDEFINE_SPACE, NvUndefineSpace.class),
            Map.entry(Cc.CLEAR, Clear.class),
            Map.entry(Cc.CLEAR_CONTROL, ClearControl.class),
            Map.entry(Cc.HIERARCHY_CHANGE_AUTH, HierarchyChangeAuth.class),
            Map.entry(Cc.NV_DEFINE_SPACE, NvDefineSpace.class),
            Map.entry(Cc.CREATE_PRIMARY, CreatePrimary.class),
            Map.entry(Cc.NV_INCREMENT, NvIncrement.class),
            Map.entry(Cc.NV_SET_BITS, NvSetBits.class),
            Map.entry(Cc.NV_EXTEND, NvExtend.class),
            Map.entry(Cc.NV_WRITE, NvWrite.class),
            Map.entry(Cc.NV_WRITE_LOCK, NvWriteLock.class),
            Map.entry(Cc.DICTIONARY_ATTACK_LOCK_RESET, DictionaryAttackLockReset.class),
            Map.entry(Cc.DICTIONARY_ATTACK_PARAMETERS, DictionaryAttackParameters.class),
            Map.entry(Cc.NV_CHANGE_AUTH, NvChangeAuth.class),
            Map.entry(Cc.PCR_EVENT, PcrEvent.class),
            Map.entry(Cc.PCR_RESET, PcrReset.class),
            Map.entry(Cc.SEQUENCE_COMPLETE, SequenceComplete.class),
            Map.entry(Cc.INCREMENTAL_SELF_TEST, IncrementalSelfTest.class),
            Map.entry(Cc.SELF_TEST, SelfTest.class),
            Map.entry(Cc.STARTUP, Startup.class),
            Map.entry(Cc.SHUTDOWN, Shutdown.class),
            Map.entry(Cc.STIR_RANDOM, StirRandom.class),
            Map.entry(Cc.ACTIVATE_CREDENTIAL, ActivateCredential.class),
            Map.entry(Cc.CERTIFY, Certify.class),
            Map.entry(Cc.POLICY_NV, PolicyNv.class),
            Map.entry(Cc.CERTIFY_CREATION, CertifyCreation.class),
            Map.entry(Cc.DUPLICATE, Duplicate.class),
            Map.entry(Cc.GET_TIME, GetTime.class),
            Map.entry(Cc.NV_READ, NvRead.class),
            Map.entry(Cc.NV_READ_LOCK, NvReadLock.class),
            Map.entry(Cc.OBJECT_CHANGE_AUTH, ObjectChangeAuth.class),
            Map.entry(Cc.POLICY_SECRET, PolicySecret.class),
            Map.entry(Cc.CREATE, Create.class),
            Map.entry(Cc.ECDH_ZGEN, EcdhZGen.class),
            Map.entry(Cc.HMAC, Hmac.class),
            Map.entry(Cc.IMPORT, Import.class),
            Map.entry(Cc.LOAD, Load.class),
            Map.entry(Cc.QUOTE, Quote.class),
            Map.entry(Cc.RSA_DECRYPT, RsaDecrypt.class),
            Map.entry(Cc.SEQUENCE_UPDATE, SequenceUpdate.class),
            Map.entry(Cc.SIGN, Sign.class),
            Map.entry(Cc.UNSEAL, Unseal.class),
            Map.entry(Cc.POLICY_SIGNED, PolicySigned.class),
            Map.entry(Cc.CONTEXT_LOAD, ContextLoad.class),
            Map.entry(Cc.CONTEXT_SAVE, ContextSave.class),
            Map.entry(Cc.ECDH_KEYGEN, EcdhKeyGen.class),
            Map.entry(Cc.FLUSH_CONTEXT, FlushContext.class),
            Map.entry(Cc.LOAD_EXTERNAL, LoadExternal.class),
            Map.entry(Cc.MAKE_CREDENTIAL, MakeCredential.class),
            Map.entry(Cc.NV_READ_PUBLIC, NvReadPublic.class),
            Map.entry(Cc.POLICY_AUTHORIZE, PolicyAuthorize.class),
            Map.entry(Cc.POLICY_AUTH_VALUE, PolicyAuthValue.class),
            Map.entry(Cc.POLICY_COMMAND_CODE, PolicyCommandCode.class),
            Map.entry(Cc.POLICY_CP_HASH, PolicyCpHash.class),
            Map.entry(Cc.POLICY_NAME_HASH, PolicyNameHash.class),
            Map.entry(Cc.POLICY_OR, PolicyOr.class),
            Map.entry(Cc.READ_PUBLIC, ReadPublic.class),
            Map.entry(Cc.RSA_ENCRYPT, RsaEncrypt.class),
            Map.entry(Cc.START_AUTH_SESSION, StartAuthSession.class),
            Map.entry(Cc.VERIFY_SIGNATURE, VerifySignature.class),
            Map.entry(Cc.GET_CAPABILITY, GetCapability.class),
            Map.entry(Cc.GET_RANDOM, GetRandom.class),
            Map.entry(Cc.GET_TEST_RESULT, GetTestResult.class),
            Map.entry(Cc.HASH, Hash.class),
            Map.entry(Cc.PCR_READ, PcrRead.class),
            Map.entry(Cc.POLICY_PCR, PolicyPcr.class),
            Map.entry(Cc.POLICY_RESTART, PolicyRestart.class),
            Map.entry(Cc.READ_CLOCK, ReadClock.class),
            Map.entry(Cc.PCR_EXTEND, PcrExtend.class),
            Map.entry(Cc.EVENT_SEQUENCE_COMPLETE, EventSequenceComplete.class),
            Map.entry(Cc.HASH_SEQUENCE_START, HashSequenceStart.class),
            Map.entry(Cc.POLICY_GET_DIGEST, PolicyGetDigest.class),
            Map.entry(Cc.POLICY_PASSWORD, PolicyPassword.class),
            Map.entry(Cc.ENCRYPT_DECRYPT2, EncryptDecrypt2.class));

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
