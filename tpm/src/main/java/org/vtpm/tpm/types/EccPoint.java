package org.vtpm.tpm.types;

/** TPMS_ECC_POINT: a point on an elliptic curve. */
public record EccPoint(
        EccParameter x,
        EccParameter y) implements PublicIdUnion {
}
