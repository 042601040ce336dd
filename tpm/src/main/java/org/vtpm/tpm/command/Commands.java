package org.vtpm.tpm.command;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vtpm.tpm.types.Cc;
import org.vtpm.tpm.types.CcAttributes;

/**
 * The command table: each implemented command's code and record, in TPM_CC order (the role of
 * the reference implementation's command dispatch table). The engine decodes by code; clients
 * find a command's code by its record.
 */
public final class Commands {

    private static final List<Row> TABLE = List.of(
            row(Cc.NV_UNDEFINE_SPACE_SPECIAL, NvUndefineSpaceSpecial.class, CcAttributes.NV),
            row(Cc.EVICT_CONTROL, EvictControl.class, CcAttributes.NV),
            row(Cc.HIERARCHY_CONTROL, HierarchyControl.class, CcAttributes.NV, CcAttributes.EXTENSIVE),
            row(Cc.NV_UNDEFINE_SPACE, NvUndefineSpace.class, CcAttributes.NV),
            row(Cc.CHANGE_EPS, ChangeEps.class, CcAttributes.NV, CcAttributes.EXTENSIVE),
            row(Cc.CHANGE_PPS, ChangePps.class, CcAttributes.NV, CcAttributes.EXTENSIVE),
            row(Cc.CLEAR, Clear.class, CcAttributes.NV, CcAttributes.EXTENSIVE),
            row(Cc.CLEAR_CONTROL, ClearControl.class, CcAttributes.NV),
            row(Cc.CLOCK_SET, ClockSet.class, CcAttributes.NV),
            row(Cc.HIERARCHY_CHANGE_AUTH, HierarchyChangeAuth.class, CcAttributes.NV),
            row(Cc.NV_DEFINE_SPACE, NvDefineSpace.class, CcAttributes.NV),
            row(Cc.PCR_ALLOCATE, PcrAllocate.class, CcAttributes.NV),
            row(Cc.PCR_SET_AUTH_POLICY, PcrSetAuthPolicy.class, CcAttributes.NV),
            row(Cc.SET_PRIMARY_POLICY, SetPrimaryPolicy.class, CcAttributes.NV),
            row(Cc.CLOCK_RATE_ADJUST, ClockRateAdjust.class),
            row(Cc.CREATE_PRIMARY, CreatePrimary.class),
            row(Cc.NV_GLOBAL_WRITE_LOCK, NvGlobalWriteLock.class, CcAttributes.NV),
            row(Cc.GET_COMMAND_AUDIT_DIGEST, GetCommandAuditDigest.class, CcAttributes.NV),
            row(Cc.NV_INCREMENT, NvIncrement.class, CcAttributes.NV),
            row(Cc.NV_SET_BITS, NvSetBits.class, CcAttributes.NV),
            row(Cc.NV_EXTEND, NvExtend.class, CcAttributes.NV),
            row(Cc.NV_WRITE, NvWrite.class, CcAttributes.NV),
            row(Cc.NV_WRITE_LOCK, NvWriteLock.class, CcAttributes.NV),
            row(Cc.DICTIONARY_ATTACK_LOCK_RESET, DictionaryAttackLockReset.class, CcAttributes.NV),
            row(Cc.DICTIONARY_ATTACK_PARAMETERS, DictionaryAttackParameters.class, CcAttributes.NV),
            row(Cc.NV_CHANGE_AUTH, NvChangeAuth.class, CcAttributes.NV),
            row(Cc.PCR_EVENT, PcrEvent.class, CcAttributes.NV),
            row(Cc.PCR_RESET, PcrReset.class, CcAttributes.NV),
            row(Cc.SEQUENCE_COMPLETE, SequenceComplete.class, CcAttributes.FLUSHED),
            row(Cc.SET_COMMAND_CODE_AUDIT_STATUS, SetCommandCodeAuditStatus.class, CcAttributes.NV),
            row(Cc.INCREMENTAL_SELF_TEST, IncrementalSelfTest.class, CcAttributes.NV),
            row(Cc.SELF_TEST, SelfTest.class, CcAttributes.NV),
            row(Cc.STARTUP, Startup.class, CcAttributes.NV),
            row(Cc.SHUTDOWN, Shutdown.class, CcAttributes.NV),
            row(Cc.STIR_RANDOM, StirRandom.class, CcAttributes.NV),
            row(Cc.ACTIVATE_CREDENTIAL, ActivateCredential.class),
            row(Cc.CERTIFY, Certify.class),
            row(Cc.POLICY_NV, PolicyNv.class),
            row(Cc.CERTIFY_CREATION, CertifyCreation.class),
            row(Cc.DUPLICATE, Duplicate.class),
            row(Cc.GET_TIME, GetTime.class),
            row(Cc.GET_SESSION_AUDIT_DIGEST, GetSessionAuditDigest.class),
            row(Cc.NV_READ, NvRead.class),
            row(Cc.NV_READ_LOCK, NvReadLock.class, CcAttributes.NV),
            row(Cc.OBJECT_CHANGE_AUTH, ObjectChangeAuth.class),
            row(Cc.POLICY_SECRET, PolicySecret.class),
            row(Cc.CREATE, Create.class),
            row(Cc.ECDH_ZGEN, EcdhZGen.class),
            row(Cc.HMAC, Hmac.class),
            row(Cc.IMPORT, Import.class),
            row(Cc.LOAD, Load.class),
            row(Cc.QUOTE, Quote.class),
            row(Cc.RSA_DECRYPT, RsaDecrypt.class),
            row(Cc.HMAC_START, HmacStart.class),
            row(Cc.SEQUENCE_UPDATE, SequenceUpdate.class),
            row(Cc.SIGN, Sign.class),
            row(Cc.UNSEAL, Unseal.class),
            row(Cc.POLICY_SIGNED, PolicySigned.class),
            row(Cc.CONTEXT_LOAD, ContextLoad.class),
            row(Cc.CONTEXT_SAVE, ContextSave.class),
            row(Cc.ECDH_KEYGEN, EcdhKeyGen.class),
            row(Cc.ENCRYPT_DECRYPT, EncryptDecrypt.class),
            row(Cc.FLUSH_CONTEXT, FlushContext.class),
            row(Cc.LOAD_EXTERNAL, LoadExternal.class),
            row(Cc.MAKE_CREDENTIAL, MakeCredential.class),
            row(Cc.NV_READ_PUBLIC, NvReadPublic.class),
            row(Cc.POLICY_AUTHORIZE, PolicyAuthorize.class),
            row(Cc.POLICY_AUTH_VALUE, PolicyAuthValue.class),
            row(Cc.POLICY_COMMAND_CODE, PolicyCommandCode.class),
            row(Cc.POLICY_COUNTER_TIMER, PolicyCounterTimer.class),
            row(Cc.POLICY_CP_HASH, PolicyCpHash.class),
            row(Cc.POLICY_LOCALITY, PolicyLocality.class),
            row(Cc.POLICY_NAME_HASH, PolicyNameHash.class),
            row(Cc.POLICY_OR, PolicyOr.class),
            row(Cc.POLICY_TICKET, PolicyTicket.class),
            row(Cc.READ_PUBLIC, ReadPublic.class),
            row(Cc.RSA_ENCRYPT, RsaEncrypt.class),
            row(Cc.START_AUTH_SESSION, StartAuthSession.class),
            row(Cc.VERIFY_SIGNATURE, VerifySignature.class),
            row(Cc.ECC_PARAMETERS, EccParameters.class),
            row(Cc.GET_CAPABILITY, GetCapability.class),
            row(Cc.GET_RANDOM, GetRandom.class),
            row(Cc.GET_TEST_RESULT, GetTestResult.class),
            row(Cc.HASH, Hash.class),
            row(Cc.PCR_READ, PcrRead.class),
            row(Cc.POLICY_PCR, PolicyPcr.class),
            row(Cc.POLICY_RESTART, PolicyRestart.class),
            row(Cc.READ_CLOCK, ReadClock.class),
            row(Cc.PCR_EXTEND, PcrExtend.class, CcAttributes.NV),
            row(Cc.PCR_SET_AUTH_VALUE, PcrSetAuthValue.class),
            row(Cc.NV_CERTIFY, NvCertify.class),
            row(Cc.EVENT_SEQUENCE_COMPLETE, EventSequenceComplete.class, CcAttributes.NV, CcAttributes.FLUSHED),
            row(Cc.HASH_SEQUENCE_START, HashSequenceStart.class),
            row(Cc.POLICY_PHYSICAL_PRESENCE, PolicyPhysicalPresence.class),
            row(Cc.POLICY_DUPLICATION_SELECT, PolicyDuplicationSelect.class),
            row(Cc.POLICY_GET_DIGEST, PolicyGetDigest.class),
            row(Cc.TEST_PARMS, TestParms.class),
            row(Cc.POLICY_PASSWORD, PolicyPassword.class),
            row(Cc.POLICY_NV_WRITTEN, PolicyNvWritten.class),
            row(Cc.POLICY_TEMPLATE, PolicyTemplate.class),
            row(Cc.CREATE_LOADED, CreateLoaded.class),
            row(Cc.POLICY_AUTHORIZE_NV, PolicyAuthorizeNv.class),
            row(Cc.ENCRYPT_DECRYPT2, EncryptDecrypt2.class));

    private static final Map<Integer, CommandSpec<?>> BY_CODE = new HashMap<>();
    private static final Map<Class<?>, CommandSpec<?>> BY_TYPE = new HashMap<>();

    static {
        for (Row row : TABLE) {
            CommandSpec<?> spec = build(row);
            if (BY_CODE.put(row.code().value(), spec) != null || BY_TYPE.put(row.type(), spec) != null) {
                throw new ExceptionInInitializerError("duplicate command table entry " + row);
            }
        }
    }

    /**
     * One command: its code, its record, and the TPMA_CC flags the handle counts do not give
     * (whether it may write NV, may take long, flushes its handles), as the reference
     * implementation sets them.
     */
    private record Row(Cc code, Class<? extends TpmCommand<?>> type, CcAttributes flags) {
    }

    private static Row row(Cc code, Class<? extends TpmCommand<?>> type, CcAttributes... flags) {
        return new Row(code, type, CcAttributes.of(flags));
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
        return TABLE.stream().<CommandSpec<?>>map(row -> BY_TYPE.get(row.type())).toList();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static CommandSpec<?> build(Row row) {
        return CommandSpec.of(row.code(), (Class) row.type(), row.flags());
    }
}
