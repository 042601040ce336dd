package org.vtpm.tpm.engine;

import java.util.List;

import org.vtpm.tpm.command.ActivateCredential;
import org.vtpm.tpm.command.Certify;
import org.vtpm.tpm.command.CertifyCreation;
import org.vtpm.tpm.command.ChangeEps;
import org.vtpm.tpm.command.ChangePps;
import org.vtpm.tpm.command.Clear;
import org.vtpm.tpm.command.ClearControl;
import org.vtpm.tpm.command.ClockRateAdjust;
import org.vtpm.tpm.command.ClockSet;
import org.vtpm.tpm.command.CommandFraming;
import org.vtpm.tpm.command.ContextLoad;
import org.vtpm.tpm.command.ContextSave;
import org.vtpm.tpm.command.Create;
import org.vtpm.tpm.command.CreateLoaded;
import org.vtpm.tpm.command.CreatePrimary;
import org.vtpm.tpm.command.DecodedCommand;
import org.vtpm.tpm.command.DictionaryAttackLockReset;
import org.vtpm.tpm.command.DictionaryAttackParameters;
import org.vtpm.tpm.command.Duplicate;
import org.vtpm.tpm.command.EcdhKeyGen;
import org.vtpm.tpm.command.EccParameters;
import org.vtpm.tpm.command.EcdhZGen;
import org.vtpm.tpm.command.EncryptDecrypt;
import org.vtpm.tpm.command.EncryptDecrypt2;
import org.vtpm.tpm.command.EventSequenceComplete;
import org.vtpm.tpm.command.EvictControl;
import org.vtpm.tpm.command.FlushContext;
import org.vtpm.tpm.command.GetCapability;
import org.vtpm.tpm.command.GetCommandAuditDigest;
import org.vtpm.tpm.command.GetRandom;
import org.vtpm.tpm.command.GetSessionAuditDigest;
import org.vtpm.tpm.command.GetTestResult;
import org.vtpm.tpm.command.GetTime;
import org.vtpm.tpm.command.Hash;
import org.vtpm.tpm.command.HashSequenceStart;
import org.vtpm.tpm.command.HierarchyChangeAuth;
import org.vtpm.tpm.command.HierarchyControl;
import org.vtpm.tpm.command.Hmac;
import org.vtpm.tpm.command.HmacStart;
import org.vtpm.tpm.command.Import;
import org.vtpm.tpm.command.IncrementalSelfTest;
import org.vtpm.tpm.command.Load;
import org.vtpm.tpm.command.LoadExternal;
import org.vtpm.tpm.command.MakeCredential;
import org.vtpm.tpm.command.NvCertify;
import org.vtpm.tpm.command.NvChangeAuth;
import org.vtpm.tpm.command.NvDefineSpace;
import org.vtpm.tpm.command.NvExtend;
import org.vtpm.tpm.command.NvGlobalWriteLock;
import org.vtpm.tpm.command.NvIncrement;
import org.vtpm.tpm.command.NvRead;
import org.vtpm.tpm.command.NvReadLock;
import org.vtpm.tpm.command.NvReadPublic;
import org.vtpm.tpm.command.NvSetBits;
import org.vtpm.tpm.command.NvUndefineSpace;
import org.vtpm.tpm.command.NvUndefineSpaceSpecial;
import org.vtpm.tpm.command.NvWrite;
import org.vtpm.tpm.command.NvWriteLock;
import org.vtpm.tpm.command.ObjectChangeAuth;
import org.vtpm.tpm.command.PcrAllocate;
import org.vtpm.tpm.command.PcrEvent;
import org.vtpm.tpm.command.PcrExtend;
import org.vtpm.tpm.command.PcrRead;
import org.vtpm.tpm.command.PcrReset;
import org.vtpm.tpm.command.PcrSetAuthPolicy;
import org.vtpm.tpm.command.PcrSetAuthValue;
import org.vtpm.tpm.command.PolicyAuthValue;
import org.vtpm.tpm.command.PolicyAuthorize;
import org.vtpm.tpm.command.PolicyAuthorizeNv;
import org.vtpm.tpm.command.PolicyCommandCode;
import org.vtpm.tpm.command.PolicyCounterTimer;
import org.vtpm.tpm.command.PolicyCpHash;
import org.vtpm.tpm.command.PolicyDuplicationSelect;
import org.vtpm.tpm.command.PolicyGetDigest;
import org.vtpm.tpm.command.PolicyNameHash;
import org.vtpm.tpm.command.PolicyNv;
import org.vtpm.tpm.command.PolicyNvWritten;
import org.vtpm.tpm.command.PolicyOr;
import org.vtpm.tpm.command.PolicyLocality;
import org.vtpm.tpm.command.PolicyPassword;
import org.vtpm.tpm.command.PolicyPhysicalPresence;
import org.vtpm.tpm.command.PolicyPcr;
import org.vtpm.tpm.command.PolicyRestart;
import org.vtpm.tpm.command.PolicySecret;
import org.vtpm.tpm.command.PolicySigned;
import org.vtpm.tpm.command.PolicyTemplate;
import org.vtpm.tpm.command.PolicyTicket;
import org.vtpm.tpm.command.Quote;
import org.vtpm.tpm.command.ReadClock;
import org.vtpm.tpm.command.ReadPublic;
import org.vtpm.tpm.command.ResponseFraming;
import org.vtpm.tpm.command.RsaDecrypt;
import org.vtpm.tpm.command.RsaEncrypt;
import org.vtpm.tpm.command.SelfTest;
import org.vtpm.tpm.command.SequenceComplete;
import org.vtpm.tpm.command.SequenceUpdate;
import org.vtpm.tpm.command.SetCommandCodeAuditStatus;
import org.vtpm.tpm.command.SetPrimaryPolicy;
import org.vtpm.tpm.command.Shutdown;
import org.vtpm.tpm.command.Sign;
import org.vtpm.tpm.command.StartAuthSession;
import org.vtpm.tpm.command.Startup;
import org.vtpm.tpm.command.StirRandom;
import org.vtpm.tpm.command.TestParms;
import org.vtpm.tpm.command.TpmCommand;
import org.vtpm.tpm.command.TpmResponse;
import org.vtpm.tpm.command.Unseal;
import org.vtpm.tpm.command.VerifySignature;
import org.vtpm.tpm.engine.commands.AsymmetricCommands;
import org.vtpm.tpm.engine.commands.AttestationCommands;
import org.vtpm.tpm.engine.commands.AuditCommands;
import org.vtpm.tpm.engine.commands.AuthChangeCommands;
import org.vtpm.tpm.engine.commands.Capabilities;
import org.vtpm.tpm.engine.commands.ClockCommands;
import org.vtpm.tpm.engine.commands.CommandError;
import org.vtpm.tpm.engine.commands.CommandTable;
import org.vtpm.tpm.engine.commands.ContextCommands;
import org.vtpm.tpm.engine.commands.CredentialCommands;
import org.vtpm.tpm.engine.commands.DictionaryAttackCommands;
import org.vtpm.tpm.engine.commands.DuplicationCommands;
import org.vtpm.tpm.engine.commands.HashCommands;
import org.vtpm.tpm.engine.commands.HierarchyCommands;
import org.vtpm.tpm.engine.commands.NvCommands;
import org.vtpm.tpm.engine.commands.ObjectCommands;
import org.vtpm.tpm.engine.commands.PcrAuthCommands;
import org.vtpm.tpm.engine.commands.PcrCommands;
import org.vtpm.tpm.engine.commands.PolicyAuthCommands;
import org.vtpm.tpm.engine.commands.PolicyCommands;
import org.vtpm.tpm.engine.commands.PolicyNvCommands;
import org.vtpm.tpm.engine.commands.PolicyPresenceCommands;
import org.vtpm.tpm.engine.commands.RandomCommands;
import org.vtpm.tpm.engine.commands.Request;
import org.vtpm.tpm.engine.commands.SealCommands;
import org.vtpm.tpm.engine.commands.SelfTests;
import org.vtpm.tpm.engine.commands.SequenceCommands;
import org.vtpm.tpm.engine.commands.SessionCommands;
import org.vtpm.tpm.engine.commands.SigningCommands;
import org.vtpm.tpm.engine.commands.StartupCommands;
import org.vtpm.tpm.engine.commands.SymmetricCommands;
import org.vtpm.tpm.engine.keys.PrimaryKeys;
import org.vtpm.tpm.engine.state.EngineState;
import org.vtpm.tpm.engine.state.LoadedKey;
import org.vtpm.tpm.engine.state.NvIndex;
import org.vtpm.tpm.engine.state.ShutdownState;
import org.vtpm.tpm.types.Cc;
import org.vtpm.tpm.types.CcAttributes;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Hc;
import org.vtpm.tpm.types.Ht;
import org.vtpm.tpm.types.NvAttributes;
import org.vtpm.tpm.types.St;
import org.vtpm.tpm.types.TpmLimits;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.TpmReader;

/**
 * Runs one command buffer through the steps every command shares, in the reference
 * implementation's order (ExecCommand.c): header (tag, size, an implemented code), the started
 * check, handles (well-formed, then present), the authorization area (parsed, then checked), the
 * parameters, and only then the command's own function; then marshals its typed response.
 */
final class Dispatcher {

    private static final CcAttributes NONE = CcAttributes.NONE;
    private static final CcAttributes NV = CcAttributes.NV;
    private static final CcAttributes FLUSHED = CcAttributes.FLUSHED;
    private static final CcAttributes EXTENSIVE = CcAttributes.EXTENSIVE;
    private static final int HEADER_SIZE = 10;

    private final EngineState state;
    private final CommandTable table = new CommandTable();
    private final Authorizations authorizations;

    Dispatcher(EngineState state) {
        this.state = state;
        this.authorizations = new Authorizations(state);
        StartupCommands startup = new StartupCommands(state);
        SelfTests tests = new SelfTests();
        RandomCommands random = new RandomCommands(state.random());
        PcrCommands pcrs = new PcrCommands(state.pcrs());
        PcrAuthCommands pcrAuth = new PcrAuthCommands(state);
        HashCommands hashes = new HashCommands(state.hierarchies());
        SequenceCommands sequences = new SequenceCommands(state);
        ContextCommands contexts = new ContextCommands(state);
        SessionCommands sessions = new SessionCommands(state);
        ObjectCommands objects = new ObjectCommands(state, new PrimaryKeys());
        SigningCommands signing = new SigningCommands(state);
        ClockCommands clock = new ClockCommands(state.clock());
        NvCommands nv = new NvCommands(state);
        AttestationCommands attestation = new AttestationCommands(state, nv);
        DictionaryAttackCommands da = new DictionaryAttackCommands(state.dictionaryAttack());
        AsymmetricCommands asymmetric = new AsymmetricCommands(state);
        SymmetricCommands symmetric = new SymmetricCommands(state);
        CredentialCommands credentials = new CredentialCommands(state);
        DuplicationCommands duplication = new DuplicationCommands(state);
        HierarchyCommands hierarchy = new HierarchyCommands(state);
        Capabilities capabilities = new Capabilities(state, table);
        PolicyCommands policy = new PolicyCommands(state, table);
        PolicyAuthCommands policyAuth = new PolicyAuthCommands(state);
        PolicyNvCommands policyNv = new PolicyNvCommands(state);
        PolicyPresenceCommands presence = new PolicyPresenceCommands(state);
        SealCommands seal = new SealCommands(state);
        AuthChangeCommands authChange = new AuthChangeCommands(state, objects);
        AuditCommands audit = new AuditCommands(state, attestation, table);
        table.add(Startup.class, startup::startup, NV)
                .add(Shutdown.class, startup::shutdown, NV)
                .add(SelfTest.class, tests::selfTest, NV)
                .add(IncrementalSelfTest.class, tests::incrementalSelfTest, NV)
                .add(GetTestResult.class, tests::getTestResult, NONE)
                .add(GetRandom.class, random::getRandom, NONE)
                .add(StirRandom.class, random::stirRandom, NV)
                .add(GetCapability.class, capabilities::getCapability, NONE)
                .add(TestParms.class, capabilities::testParms, NONE)
                .add(PcrRead.class, pcrs::read, NONE)
                .add(PcrExtend.class, pcrs::extend, NV)
                .add(PcrEvent.class, pcrs::event, NV)
                .add(PcrReset.class, pcrs::reset, NV)
                .add(PcrAllocate.class, pcrs::allocate, NV)
                .add(PcrSetAuthPolicy.class, pcrAuth::setAuthPolicy, NV)
                .add(PcrSetAuthValue.class, pcrAuth::setAuthValue, NONE)
                .add(Hash.class, hashes::hash, NONE)
                .add(FlushContext.class, contexts::flush, NONE)
                .add(StartAuthSession.class, sessions::start, NONE)
                .add(PolicyPcr.class, policy::policyPcr, NONE)
                .add(PolicyAuthValue.class, policy::policyAuthValue, NONE)
                .add(PolicyPassword.class, policy::policyPassword, NONE)
                .add(PolicyCommandCode.class, policy::policyCommandCode, NONE)
                .add(PolicyOr.class, policy::policyOr, NONE)
                .add(PolicyCpHash.class, policy::policyCpHash, NONE)
                .add(PolicyNameHash.class, policy::policyNameHash, NONE)
                .add(PolicyDuplicationSelect.class, policy::policyDuplicationSelect, NONE)
                .add(PolicyNvWritten.class, policy::policyNvWritten, NONE)
                .add(PolicyTemplate.class, policy::policyTemplate, NONE)
                .add(PolicyCounterTimer.class, policy::policyCounterTimer, NONE)
                .add(PolicyGetDigest.class, policy::policyGetDigest, NONE)
                .add(PolicyRestart.class, policy::policyRestart, NONE)
                .add(PolicySigned.class, policyAuth::policySigned, NONE)
                .add(PolicySecret.class, policyAuth::policySecret, NONE)
                .add(PolicyTicket.class, policyAuth::policyTicket, NONE)
                .add(PolicyAuthorize.class, policyAuth::policyAuthorize, NONE)
                .add(PolicyAuthorizeNv.class, policyNv::policyAuthorizeNv, NONE)
                .add(PolicyNv.class, policyNv::policyNv, NONE)
                .add(PolicyLocality.class, presence::policyLocality, NONE)
                .add(PolicyPhysicalPresence.class, presence::policyPhysicalPresence, NONE)
                .add(Unseal.class, seal::unseal, NONE)
                .add(ObjectChangeAuth.class, authChange::objectChangeAuth, NONE)
                .add(NvChangeAuth.class, authChange::nvChangeAuth, NV)
                .add(GetSessionAuditDigest.class, audit::getSessionAuditDigest, NONE)
                .add(GetCommandAuditDigest.class, audit::getCommandAuditDigest, NV)
                .add(SetCommandCodeAuditStatus.class, audit::setCommandCodeAuditStatus, NV)
                .add(ContextSave.class, contexts::save, NONE)
                .add(ContextLoad.class, contexts::load, NONE)
                .add(HashSequenceStart.class, sequences::start, NONE)
                .add(HmacStart.class, sequences::hmacStart, NONE)
                .add(SequenceUpdate.class, sequences::update, NONE)
                .add(SequenceComplete.class, sequences::complete, FLUSHED)
                .add(EventSequenceComplete.class, sequences::eventComplete, CcAttributes.of(NV, FLUSHED))
                .add(CreatePrimary.class, objects::createPrimary, NONE)
                .add(Create.class, objects::create, NONE)
                .add(CreateLoaded.class, objects::createLoaded, NONE)
                .add(Load.class, objects::load, NONE)
                .add(EvictControl.class, contexts::evictControl, NV)
                .add(LoadExternal.class, objects::loadExternal, NONE)
                .add(ReadPublic.class, objects::readPublic, NONE)
                .add(Sign.class, signing::sign, NONE)
                .add(VerifySignature.class, signing::verifySignature, NONE)
                .add(Hmac.class, signing::hmac, NONE)
                .add(Quote.class, attestation::quote, NONE)
                .add(Certify.class, attestation::certify, NONE)
                .add(CertifyCreation.class, attestation::certifyCreation, NONE)
                .add(GetTime.class, attestation::getTime, NONE)
                .add(ReadClock.class, clock::readClock, NONE)
                .add(NvDefineSpace.class, nv::defineSpace, NV)
                .add(NvUndefineSpace.class, nv::undefineSpace, NV)
                .add(NvUndefineSpaceSpecial.class, nv::undefineSpaceSpecial, NV)
                .add(NvReadPublic.class, nv::readPublic, NONE)
                .add(NvWrite.class, nv::write, NV)
                .add(NvRead.class, nv::read, NONE)
                .add(NvIncrement.class, nv::increment, NV)
                .add(NvExtend.class, nv::extend, NV)
                .add(NvSetBits.class, nv::setBits, NV)
                .add(NvWriteLock.class, nv::writeLock, NV)
                .add(NvReadLock.class, nv::readLock, NV)
                .add(NvGlobalWriteLock.class, nv::globalWriteLock, NV)
                .add(DictionaryAttackLockReset.class, da::lockReset, NV)
                .add(DictionaryAttackParameters.class, da::parameters, NV)
                .add(RsaEncrypt.class, asymmetric::rsaEncrypt, NONE)
                .add(RsaDecrypt.class, asymmetric::rsaDecrypt, NONE)
                .add(EcdhKeyGen.class, asymmetric::ecdhKeyGen, NONE)
                .add(EcdhZGen.class, asymmetric::ecdhZGen, NONE)
                .add(EccParameters.class, asymmetric::eccParameters, NONE)
                .add(EncryptDecrypt2.class, symmetric::encryptDecrypt2, NONE)
                .add(EncryptDecrypt.class, symmetric::encryptDecrypt, NONE)
                .add(MakeCredential.class, credentials::makeCredential, NONE)
                .add(ActivateCredential.class, credentials::activateCredential, NONE)
                .add(Duplicate.class, duplication::duplicate, NONE)
                .add(Import.class, duplication::importObject, NONE)
                .add(HierarchyChangeAuth.class, hierarchy::hierarchyChangeAuth, NV)
                .add(SetPrimaryPolicy.class, hierarchy::setPrimaryPolicy, NV)
                .add(Clear.class, hierarchy::clear, CcAttributes.of(NV, EXTENSIVE))
                .add(ClearControl.class, hierarchy::clearControl, NV)
                .add(HierarchyControl.class, hierarchy::hierarchyControl, CcAttributes.of(NV, EXTENSIVE))
                .add(ChangeEps.class, hierarchy::changeEps, CcAttributes.of(NV, EXTENSIVE))
                .add(ChangePps.class, hierarchy::changePps, CcAttributes.of(NV, EXTENSIVE))
                .add(ClockSet.class, clock::clockSet, NV)
                .add(ClockRateAdjust.class, clock::clockRateAdjust, NONE)
                .add(NvCertify.class, attestation::nvCertify, NONE);
    }

    byte[] process(int locality, byte[] buffer) {
        try {
            return execute(locality, buffer);
        } catch (CommandError e) {
            return ResponseFraming.error(e.rc());
        }
    }

    private byte[] execute(int locality, byte[] buffer) throws CommandError {
        CommandTable.Entry<?> entry = checkHeader(buffer);
        if (locality < 0 || locality > 4) {
            throw CommandError.of(TpmRc.LOCALITY);
        }
        if (!state.power().isStarted() && !entry.spec().code().equals(Cc.STARTUP)) {
            throw CommandError.of(TpmRc.INITIALIZE);
        }
        DecodedCommand command;
        try {
            command = CommandFraming.decode(buffer);
        } catch (TpmFormatException e) {
            if (e.rc().handle() == 0) {
                checkPresent(rawHandles(buffer, entry.spec().handleCount()));
            }
            throw CommandError.of(e.rc());
        }
        checkPresent(command.handles());
        Authorizations.Area area = authorizations.authorize(command, locality);
        TpmCommand<?> typed;
        try {
            typed = command.command(area.parameters());
        } catch (TpmFormatException e) {
            throw CommandError.of(e.rc());
        }
        TpmResponse response = entry.execute(typed, new Request(locality));
        if (entry.attributes().has(NV) && !entry.spec().code().equals(Cc.SHUTDOWN)) {
            state.power().shutdown(ShutdownState.NONE);
        }
        return area.respond(entry.spec(), command.tag(), response);
    }

    /** Tag, commandSize and commandCode, each failing with the code the reference implementation gives. */
    private CommandTable.Entry<?> checkHeader(byte[] buffer) throws CommandError {
        try {
            TpmReader in = new TpmReader(buffer);
            int tag = in.readU16();
            if (tag != St.NO_SESSIONS.value() && tag != St.SESSIONS.value()) {
                throw CommandError.of(TpmRc.BAD_TAG);
            }
            int size = in.readU32();
            if (size != buffer.length || buffer.length > TpmLimits.MAX_COMMAND_SIZE) {
                throw CommandError.of(TpmRc.COMMAND_SIZE);
            }
            int code = in.readU32();
            return table.entry(code).orElseThrow(() -> CommandError.of(TpmRc.COMMAND_CODE));
        } catch (TpmFormatException e) {
            throw CommandError.of(buffer.length < HEADER_SIZE ? TpmRc.INSUFFICIENT : e.rc());
        }
    }

    /** The handles of a command whose later parts failed to unmarshal, to report a missing entity first. */
    private static List<Handle> rawHandles(byte[] buffer, int count) {
        if (buffer.length < HEADER_SIZE + 4 * count) {
            return List.of();
        }
        Handle[] handles = new Handle[count];
        for (int i = 0; i < count; i++) {
            int at = HEADER_SIZE + 4 * i;
            handles[i] = new Handle((buffer[at] & 0xFF) << 24 | (buffer[at + 1] & 0xFF) << 16
                    | (buffer[at + 2] & 0xFF) << 8 | (buffer[at + 3] & 0xFF));
        }
        return List.of(handles);
    }

    /** Every handle must name an entity that exists and is enabled (EntityGetLoadStatus). */
    private void checkPresent(List<Handle> handles) throws CommandError {
        for (int i = 0; i < handles.size(); i++) {
            Handle handle = handles.get(i);
            Ht type = handle.type();
            if (type.equals(Ht.PERMANENT)) {
                if (isHierarchy(handle) && !state.hierarchies().isEnabled(handle)) {
                    throw CommandError.of(TpmRc.HIERARCHY.withHandle(i + 1));
                }
            } else if (type.equals(Ht.TRANSIENT)) {
                if (state.objects().get(handle).isEmpty()) {
                    throw CommandError.of(new TpmRc(TpmRc.REFERENCE_H0.value() + i));
                }
            } else if (type.equals(Ht.PERSISTENT)) {
                if (state.objects().get(handle).isEmpty() || state.objects().get(handle).get() instanceof LoadedKey key
                        && !state.hierarchies().isEnabled(key.hierarchy())) {
                    throw CommandError.of(TpmRc.HANDLE.withHandle(i + 1));
                }
            } else if (type.equals(Ht.HMAC_SESSION) || type.equals(Ht.POLICY_SESSION)) {
                if (state.sessions().get(handle).isEmpty()) {
                    throw CommandError.of(new TpmRc(TpmRc.REFERENCE_H0.value() + i));
                }
            } else if (type.equals(Ht.NV_INDEX)) {
                if (state.nv().get(handle).isEmpty() || !isAccessible(state.nv().get(handle).get())) {
                    throw CommandError.of(TpmRc.HANDLE.withHandle(i + 1));
                }
            } else if (!type.equals(Ht.PCR) || handle.value() > Hc.PCR_LAST) {
                throw CommandError.of(TpmRc.HANDLE.withHandle(i + 1));
            }
        }
    }

    /** An index is out of reach while the hierarchy that defined it is disabled (phEnableNV or shEnable). */
    private boolean isAccessible(NvIndex index) {
        return index.has(NvAttributes.PLATFORMCREATE) ? state.hierarchies().phEnableNv()
                : state.hierarchies().isEnabled(Handle.RH_OWNER);
    }

    private static boolean isHierarchy(Handle handle) {
        return handle.equals(Handle.RH_OWNER) || handle.equals(Handle.RH_ENDORSEMENT)
                || handle.equals(Handle.RH_PLATFORM);
    }
}
