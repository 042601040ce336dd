package org.vtpm.tpm.engine.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;

import org.vtpm.tpm.command.GetCapability;
import org.vtpm.tpm.command.GetCapabilityResponse;
import org.vtpm.tpm.command.TestParms;
import org.vtpm.tpm.command.TestParmsResponse;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.engine.state.EngineState;
import org.vtpm.tpm.engine.state.PcClientPcrs;
import org.vtpm.tpm.engine.state.PcrBanks;
import org.vtpm.tpm.types.ActDataList;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.AlgProperty;
import org.vtpm.tpm.types.AlgPropertyList;
import org.vtpm.tpm.types.Cap;
import org.vtpm.tpm.types.CapabilitiesUnion;
import org.vtpm.tpm.types.CapabilityData;
import org.vtpm.tpm.types.Cc;
import org.vtpm.tpm.types.CcAttributes;
import org.vtpm.tpm.types.CcList;
import org.vtpm.tpm.types.CcaList;
import org.vtpm.tpm.types.EccCurve;
import org.vtpm.tpm.types.EccCurveList;
import org.vtpm.tpm.types.Ha;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.HandleList;
import org.vtpm.tpm.types.Hc;
import org.vtpm.tpm.types.Ht;
import org.vtpm.tpm.types.PcrSelect;
import org.vtpm.tpm.types.PcrSelection;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.PtPcr;
import org.vtpm.tpm.types.TaggedPcrPropertyList;
import org.vtpm.tpm.types.TaggedPcrSelect;
import org.vtpm.tpm.types.TaggedPolicy;
import org.vtpm.tpm.types.TaggedPolicyList;
import org.vtpm.tpm.types.TaggedProperty;
import org.vtpm.tpm.types.TaggedTpmPropertyList;
import org.vtpm.tpm.types.TpmLimits;
import org.vtpm.tpm.wire.Bytes;
import org.vtpm.tpm.wire.TpmRc;

/**
 * TPM2_GetCapability (Part 3, 30.2) and TPM2_TestParms (30.3). Every group is answered from the
 * tables the engine itself runs on (the command table, {@link Algorithms}, the PCR banks, the
 * state), so an answer cannot claim what the engine does not do.
 */
public final class Capabilities {

    /** The permanent handles an entity may name, in handle order. */
    private static final List<Handle> PERMANENT_HANDLES = List.of(Handle.RH_OWNER, Handle.RH_NULL, Handle.RS_PW,
            Handle.RH_LOCKOUT, Handle.RH_ENDORSEMENT, Handle.RH_PLATFORM, Handle.RH_PLATFORM_NV);
    /** The permanent handles that carry a policy, in handle order. */
    private static final List<Handle> POLICY_HANDLES = List.of(Handle.RH_OWNER, Handle.RH_LOCKOUT,
            Handle.RH_ENDORSEMENT, Handle.RH_PLATFORM);

    private final EngineState state;
    private final CommandTable commands;
    private final TpmProperties properties;

    public Capabilities(EngineState state, CommandTable commands) {
        this.state = state;
        this.commands = commands;
        this.properties = new TpmProperties(state, commands);
    }

    /** TPM2_TestParms (Part 3, 30.3): success when the engine implements the parameters. */
    public TestParmsResponse testParms(TestParms command, Request request) throws CommandError {
        ImplementedParameters.check(command.parameters(), 1);
        return new TestParmsResponse();
    }

    public GetCapabilityResponse getCapability(GetCapability command, Request request) throws CommandError {
        Cap cap = command.capability();
        int from = command.property();
        int count = command.propertyCount();
        if (cap.equals(Cap.ALGS)) {
            Page<AlgProperty> page = page(Algorithms.properties(), a -> a.alg().value(), from, count,
                    TpmLimits.MAX_CAP_ALGS);
            return answer(cap, page.more, new AlgPropertyList(page.items));
        }
        if (cap.equals(Cap.HANDLES)) {
            // Saved sessions keep their 0x02 handles while the range asked for is 0x03, so page by index.
            Page<Handle> page = page(handles(from), Handle::index, from & Hc.HR_HANDLE_MASK, count,
                    TpmLimits.MAX_CAP_HANDLES);
            return answer(cap, page.more, new HandleList(page.items));
        }
        if (cap.equals(Cap.COMMANDS)) {
            Page<CcAttributes> page = page(commands.attributesFrom(from), a -> a.commandIndex(), from, count,
                    TpmLimits.MAX_CAP_CC);
            return answer(cap, page.more, new CcaList(page.items));
        }
        if (cap.equals(Cap.PP_COMMANDS)) {
            return answer(cap, false, new CcList(List.of()));
        }
        if (cap.equals(Cap.AUDIT_COMMANDS)) {
            Page<Integer> page = page(state.audit().commands(), c -> c, from, count, TpmLimits.MAX_CAP_CC);
            return answer(cap, page.more, new CcList(page.items.stream().map(Cc::new).toList()));
        }
        if (cap.equals(Cap.PCRS)) {
            return answer(cap, false, allocation());
        }
        if (cap.equals(Cap.TPM_PROPERTIES)) {
            Page<TaggedProperty> page = page(properties.all(), p -> p.property().value(), from, count,
                    TpmLimits.MAX_TPM_PROPERTIES);
            return answer(cap, page.more, new TaggedTpmPropertyList(page.items));
        }
        if (cap.equals(Cap.PCR_PROPERTIES)) {
            Page<TaggedPcrSelect> page = page(pcrProperties(), p -> p.tag().value(), from, count,
                    TpmLimits.MAX_PCR_PROPERTIES);
            return answer(cap, page.more, new TaggedPcrPropertyList(page.items));
        }
        if (cap.equals(Cap.ECC_CURVES)) {
            List<EccCurve> curves = Algorithms.CURVES.stream().map(c -> new EccCurve(c.curveId())).toList();
            Page<EccCurve> page = page(curves, EccCurve::value, from, count, TpmLimits.MAX_ECC_CURVES);
            return answer(cap, page.more, new EccCurveList(page.items));
        }
        if (cap.equals(Cap.AUTH_POLICIES)) {
            Page<TaggedPolicy> page = page(policies(), p -> p.handle().value(), from, count,
                    TpmLimits.MAX_TAGGED_POLICIES);
            return answer(cap, page.more, new TaggedPolicyList(page.items));
        }
        if (cap.equals(Cap.ACT)) {
            return answer(cap, false, new ActDataList(List.of()));
        }
        throw CommandError.of(TpmRc.VALUE.withParameter(1));
    }

    private static GetCapabilityResponse answer(Cap cap, boolean more, CapabilitiesUnion data) {
        return new GetCapabilityResponse(more, new CapabilityData(cap, data));
    }

    private record Page<T>(List<T> items, boolean more) {
    }

    /** The entries whose key is at or above {@code from} (unsigned), at most {@code count} and {@code max}. */
    private static <T> Page<T> page(List<T> all, ToIntFunction<T> key, int from, int count, int max) {
        int limit = Integer.compareUnsigned(count, max) > 0 ? max : count;
        List<T> items = new ArrayList<>(Math.min(limit, all.size()));
        boolean more = false;
        for (T item : all) {
            if (Integer.compareUnsigned(key.applyAsInt(item), from) < 0) {
                continue;
            }
            if (items.size() == limit) {
                more = true;
                break;
            }
            items.add(item);
        }
        return new Page<>(items, more);
    }

    /** The handles of the type named by the top octet of {@code from}. */
    private List<Handle> handles(int from) throws CommandError {
        Ht type = new Ht(from >>> Hc.HR_SHIFT);
        if (type.equals(Ht.PCR)) {
            List<Handle> pcrs = new ArrayList<>(PcClientPcrs.COUNT);
            for (int pcr = 0; pcr < PcClientPcrs.COUNT; pcr++) {
                pcrs.add(Handle.pcr(pcr));
            }
            return pcrs;
        }
        if (type.equals(Ht.PERMANENT)) {
            return PERMANENT_HANDLES;
        }
        if (type.equals(Ht.TRANSIENT)) {
            return state.objects().handles();
        }
        if (type.equals(Ht.NV_INDEX)) {
            return state.nv().handles();
        }
        if (type.equals(Ht.PERSISTENT)) {
            return state.objects().persistentHandles();
        }
        if (type.equals(Ht.LOADED_SESSION)) {
            return state.sessions().handles();
        }
        if (type.equals(Ht.SAVED_SESSION)) {
            return state.sessions().savedHandles();
        }
        throw CommandError.of(TpmRc.HANDLE.withParameter(2));
    }

    private static PcrSelectionList allocation() {
        List<PcrSelection> banks = new ArrayList<>(PcrBanks.BANKS.size());
        int[] all = new int[PcClientPcrs.COUNT];
        for (int pcr = 0; pcr < all.length; pcr++) {
            all[pcr] = pcr;
        }
        for (HashAlgorithm bank : PcrBanks.BANKS) {
            banks.add(new PcrSelection(new AlgId(bank.algId()), PcrSelect.of(all)));
        }
        return new PcrSelectionList(banks);
    }

    private static List<TaggedPcrSelect> pcrProperties() {
        List<TaggedPcrSelect> out = new ArrayList<>();
        out.add(select(PtPcr.SAVE, PcClientPcrs::isStateSaved));
        PtPcr[] extend = {PtPcr.EXTEND_L0, PtPcr.EXTEND_L1, PtPcr.EXTEND_L2, PtPcr.EXTEND_L3, PtPcr.EXTEND_L4};
        PtPcr[] reset = {PtPcr.RESET_L0, PtPcr.RESET_L1, PtPcr.RESET_L2, PtPcr.RESET_L3, PtPcr.RESET_L4};
        for (int locality = 0; locality < PcClientPcrs.LOCALITIES; locality++) {
            int l = locality;
            out.add(select(extend[l], pcr -> PcClientPcrs.mayExtend(pcr, l)));
            out.add(select(reset[l], pcr -> PcClientPcrs.resetLocality(pcr, l)));
        }
        out.add(select(PtPcr.NO_INCREMENT, PcClientPcrs::isNoIncrement));
        out.add(select(PtPcr.DRTM_RESET, PcClientPcrs::isDrtm));
        out.add(select(PtPcr.POLICY, PcClientPcrs::isInAuthGroup));
        out.add(select(PtPcr.AUTH, PcClientPcrs::isInAuthGroup));
        return out;
    }

    private static TaggedPcrSelect select(PtPcr tag, IntPredicate has) {
        int[] pcrs = IntStream.range(0, PcClientPcrs.COUNT).filter(has).toArray();
        return new TaggedPcrSelect(tag, PcrSelect.of(pcrs));
    }

    private List<TaggedPolicy> policies() {
        List<TaggedPolicy> out = new ArrayList<>(POLICY_HANDLES.size());
        for (Handle handle : POLICY_HANDLES) {
            out.add(new TaggedPolicy(handle, new Ha(new AlgId(state.hierarchies().policyAlg(handle)),
                    Bytes.of(state.hierarchies().policy(handle)))));
        }
        return out;
    }
}
