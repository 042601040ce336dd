package org.vtpm.tpm.types;

import java.util.List;

import org.vtpm.tpm.wire.Count;

/** TPML_TAGGED_POLICY: authorization policies of permanent handles. */
public record TaggedPolicyList(
        @Count(max = TpmLimits.MAX_TAGGED_POLICIES) List<TaggedPolicy> policies) implements CapabilitiesUnion {

    public TaggedPolicyList {
        policies = List.copyOf(policies);
    }
}
