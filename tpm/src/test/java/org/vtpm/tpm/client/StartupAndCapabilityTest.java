package org.vtpm.tpm.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.command.GetCapability;
import org.vtpm.tpm.command.GetCapabilityResponse;
import org.vtpm.tpm.command.GetRandom;
import org.vtpm.tpm.command.ReadClock;
import org.vtpm.tpm.command.SelfTest;
import org.vtpm.tpm.command.Shutdown;
import org.vtpm.tpm.command.Startup;
import org.vtpm.tpm.command.StirRandom;
import org.vtpm.tpm.transport.swtpm.SwtpmOptions;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.AlgProperty;
import org.vtpm.tpm.types.AlgPropertyList;
import org.vtpm.tpm.types.Cap;
import org.vtpm.tpm.types.CapabilitiesUnion;
import org.vtpm.tpm.types.Cc;
import org.vtpm.tpm.types.CcAttributes;
import org.vtpm.tpm.types.CcList;
import org.vtpm.tpm.types.CcaList;
import org.vtpm.tpm.types.ClockInfo;
import org.vtpm.tpm.types.EccCurve;
import org.vtpm.tpm.types.EccCurveList;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.HandleList;
import org.vtpm.tpm.types.PcrSelection;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Pt;
import org.vtpm.tpm.types.PtPcr;
import org.vtpm.tpm.types.SensitiveData;
import org.vtpm.tpm.types.Su;
import org.vtpm.tpm.types.TaggedPcrPropertyList;
import org.vtpm.tpm.types.TaggedPolicy;
import org.vtpm.tpm.types.TaggedPolicyList;
import org.vtpm.tpm.types.TaggedProperty;
import org.vtpm.tpm.types.TaggedTpmPropertyList;
import org.vtpm.tpm.wire.TpmRc;

/** Startup, Shutdown, SelfTest, GetCapability (every kind), GetRandom, StirRandom and ReadClock against swtpm. */
class StartupAndCapabilityTest {

    private static SwtpmFixture swtpm;

    @BeforeAll
    static void start() throws Exception {
        swtpm = SwtpmFixture.start(SwtpmOptions.defaults().withStartupClear(false));
        swtpm.tpm.execute(new Startup(Su.CLEAR));
    }

    @AfterAll
    static void stop() throws IOException {
        if (swtpm != null) {
            swtpm.close();
        }
    }

    @Test
    void aShutdownStateThenStartupStateIsARestartNotAReset() throws Exception {
        swtpm.tpm.execute(new SelfTest(true));
        ClockInfo before = swtpm.tpm.execute(new ReadClock()).currentTime().clockInfo();
        swtpm.tpm.execute(new Shutdown(Su.STATE));
        swtpm.control().init(false);
        swtpm.tpm.execute(new Startup(Su.STATE));
        ClockInfo after = swtpm.tpm.execute(new ReadClock()).currentTime().clockInfo();
        assertEquals(before.resetCount(), after.resetCount());
        assertEquals(before.restartCount() + 1, after.restartCount());
        assertTrue(after.safe(), "an orderly shutdown keeps the clock safe");
        TpmCommandException again = assertThrows(TpmCommandException.class,
                () -> swtpm.tpm.execute(new Startup(Su.CLEAR)));
        assertEquals(TpmRc.INITIALIZE, again.rc());
    }

    @Test
    void readClockAdvances() throws Exception {
        long first = swtpm.tpm.execute(new ReadClock()).currentTime().time();
        Thread.sleep(30);
        long second = swtpm.tpm.execute(new ReadClock()).currentTime().time();
        assertTrue(second >= first + 20, first + " then " + second);
    }

    @Test
    void getRandomGivesFreshBytesAndStirRandomIsAccepted() throws Exception {
        byte[] a = swtpm.tpm.execute(new GetRandom(32)).randomBytes().buffer();
        swtpm.tpm.execute(new StirRandom(new SensitiveData(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})));
        byte[] b = swtpm.tpm.execute(new GetRandom(32)).randomBytes().buffer();
        assertEquals(32, a.length);
        assertEquals(32, b.length);
        assertNotEquals(java.util.HexFormat.of().formatHex(a), java.util.HexFormat.of().formatHex(b));
    }

    @Test
    void algorithmsIncludeWhatTheProductNeedsAndPageWithMoreData() throws Exception {
        Set<AlgId> algorithms = capability(Cap.ALGS, 0, 128, AlgPropertyList.class).algProperties().stream()
                .map(AlgProperty::alg).collect(Collectors.toSet());
        assertTrue(algorithms.containsAll(Set.of(AlgId.RSA, AlgId.ECC, AlgId.SHA256, AlgId.AES, AlgId.CFB,
                AlgId.OAEP, AlgId.ECDSA, AlgId.KEYEDHASH, AlgId.XOR)), algorithms.toString());
        GetCapabilityResponse first = swtpm.tpm.execute(new GetCapability(Cap.ALGS, 0, 1));
        assertTrue(first.moreData());
        assertEquals(1, ((AlgPropertyList) first.capabilityData().data()).algProperties().size());
    }

    @Test
    void handlesListThePcrsAndPermanentHandles() throws Exception {
        assertEquals(24, capability(Cap.HANDLES, 0, 64, HandleList.class).handles().size());
        assertTrue(capability(Cap.HANDLES, 0x4000_0000, 64, HandleList.class).handles()
                .containsAll(List.of(Handle.RH_OWNER, Handle.RH_ENDORSEMENT, Handle.RH_PLATFORM, Handle.RH_LOCKOUT)));
    }

    @Test
    void commandsCarryTheirCodeAndHandleCount() throws Exception {
        List<CcAttributes> commands = capability(Cap.COMMANDS, Cc.UNSEAL.value(), 1, CcaList.class)
                .commandAttributes();
        int unseal = commands.get(0).value();
        assertEquals(Cc.UNSEAL.value(), unseal & 0xFFFF);
        assertEquals(1, (unseal >>> 25) & 0x7, "TPM2_Unseal has one handle");
        capability(Cap.PP_COMMANDS, 0, 64, CcList.class);
        capability(Cap.AUDIT_COMMANDS, 0, 64, CcList.class);
    }

    @Test
    void pcrBanksAndPcrPropertiesDescribeThePcClientLayout() throws Exception {
        PcrSelectionList banks = capability(Cap.PCRS, 0, 8, PcrSelectionList.class);
        PcrSelection sha256 = banks.pcrSelections().stream().filter(s -> s.hash().equals(AlgId.SHA256)).findFirst()
                .orElseThrow();
        assertEquals(3, sha256.pcrSelect().size());
        assertEquals((byte) 0xFF, sha256.pcrSelect().buffer()[2]);
        TaggedPcrPropertyList properties = capability(Cap.PCR_PROPERTIES, 0, 64, TaggedPcrPropertyList.class);
        assertTrue(properties.pcrProperty().stream().anyMatch(p -> p.tag().equals(PtPcr.RESET_L0)
                && (p.pcrSelect().buffer()[2] & 0x01) != 0), "PCR 16 is resettable from locality 0");
    }

    @Test
    void tpmPropertiesNameTheFamily() throws Exception {
        List<TaggedProperty> fixed = capability(Cap.TPM_PROPERTIES, Pt.FAMILY_INDICATOR.value(), 1,
                TaggedTpmPropertyList.class).tpmProperty();
        assertEquals(Pt.FAMILY_INDICATOR, fixed.get(0).property());
        assertEquals(0x322E3000, fixed.get(0).value(), "\"2.0\"");
    }

    @Test
    void eccCurvesAndAuthPoliciesAreReported() throws Exception {
        assertTrue(capability(Cap.ECC_CURVES, 0, 16, EccCurveList.class).eccCurves().contains(EccCurve.NIST_P256));
        List<TaggedPolicy> policies = capability(Cap.AUTH_POLICIES, Handle.RH_OWNER.value(), 8, TaggedPolicyList.class)
                .policies();
        assertTrue(policies.stream().anyMatch(p -> p.handle().equals(Handle.RH_OWNER)), policies.toString());
    }

    @Test
    void actIsAnsweredEvenWhenTheTpmHasNone() throws Exception {
        GetCapabilityResponse act = swtpm.tpm.execute(new GetCapability(Cap.ACT, Handle.RH_ACT_0.value(), 16));
        assertEquals(Cap.ACT, act.capabilityData().capability());
        assertFalse(act.moreData());
    }

    private static <T extends CapabilitiesUnion> T capability(Cap cap, int property, int count, Class<T> type)
            throws Exception {
        GetCapabilityResponse response = swtpm.tpm.execute(new GetCapability(cap, property, count));
        assertEquals(cap, response.capabilityData().capability());
        return type.cast(response.capabilityData().data());
    }
}
