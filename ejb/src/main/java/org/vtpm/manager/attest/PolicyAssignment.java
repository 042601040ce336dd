package org.vtpm.manager.attest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * Which policy judges a vTPM. A table of its own rather than a column of the vTPM row, so that
 * attestation never writes the row the lifecycle and the state listener contend for.
 */
@Entity
@Table(name = "vtpm_policy", indexes = @Index(name = "vtpm_policy_policy", columnList = "policy_id"))
public class PolicyAssignment {

    @Id
    @Column(name = "vtpm_id", length = 36)
    private String vtpmId;

    @Column(name = "policy_id", nullable = false, length = 36)
    private String policyId;

    @Version
    private long version;

    protected PolicyAssignment() {
    }

    PolicyAssignment(String vtpmId, String policyId) {
        this.vtpmId = vtpmId;
        this.policyId = policyId;
    }

    void assign(String newPolicyId) {
        policyId = newPolicyId;
    }

    public String getVtpmId() {
        return vtpmId;
    }

    public String getPolicyId() {
        return policyId;
    }
}
