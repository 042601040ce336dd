package org.vtpm.manager.keys;

import org.vtpm.tpm.types.EkTemplate;
import org.vtpm.tpm.types.Handle;

/**
 * The endorsement keys a vTPM can be given: the EK Credential Profile's low-range templates, kept
 * at the TCG Provisioning Guidance's persistent handles, their certificates at the profile's NV
 * indices.
 */
public enum EkType {
    /** Template L-1, persistent at 0x81010001, certificate at NV 0x01C00002. */
    RSA_2048(EkTemplate.L1, new Handle(0x8101_0001)),
    /** Template L-2, persistent at 0x81010002, certificate at NV 0x01C0000A. */
    ECC_P256(EkTemplate.L2, new Handle(0x8101_0002));

    private final EkTemplate template;
    private final Handle persistentHandle;

    EkType(EkTemplate template, Handle persistentHandle) {
        this.template = template;
        this.persistentHandle = persistentHandle;
    }

    public EkTemplate template() {
        return template;
    }

    public Handle persistentHandle() {
        return persistentHandle;
    }

    public Handle certificateIndex() {
        return template.certificateIndex();
    }
}
