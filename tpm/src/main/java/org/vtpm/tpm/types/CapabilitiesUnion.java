package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.Union;

/** TPMU_CAPABILITIES: the data of one capability group. Each arm is a type that implements this interface. */
public interface CapabilitiesUnion {

    Union<CapabilitiesUnion> UNION = Union.<CapabilitiesUnion>builder(TpmRc.SELECTOR)
            .arm(Cap.ALGS, AlgPropertyList.class)
            .arm(Cap.HANDLES, HandleList.class)
            .arm(Cap.COMMANDS, CcaList.class)
            .arm(Cap.PP_COMMANDS, CcList.class)
            .arm(Cap.AUDIT_COMMANDS, CcList.class)
            .arm(Cap.PCRS, PcrSelectionList.class)
            .arm(Cap.TPM_PROPERTIES, TaggedTpmPropertyList.class)
            .arm(Cap.PCR_PROPERTIES, TaggedPcrPropertyList.class)
            .arm(Cap.ECC_CURVES, EccCurveList.class)
            .arm(Cap.AUTH_POLICIES, TaggedPolicyList.class)
            .arm(Cap.ACT, ActDataList.class)
            .build();
}
