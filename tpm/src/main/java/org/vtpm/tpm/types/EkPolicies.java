package org.vtpm.tpm.types;

import java.util.HexFormat;
import java.util.Map;

import org.vtpm.tpm.crypto.HashAlgorithm;

/**
 * The authorization policies of Endorsement Keys, as published in the TCG EK Credential Profile
 * for TPM Family 2.0 (Annex B): PolicyA is PolicySecret(TPM_RH_ENDORSEMENT); PolicyC is
 * PolicyAuthorizeNV over the policy index of the same hash; PolicyB is PolicyOR(PolicyA, PolicyC).
 * Low-range templates use PolicyA, high-range templates PolicyB.
 */
public final class EkPolicies {

    private static final Map<HashAlgorithm, String> POLICY_A = Map.of(
            HashAlgorithm.SHA256, "837197674484b3f81a90cc8d46a5d724fd52d76e06520b64f2a1da1b331469aa",
            HashAlgorithm.SHA384, "8bbf2266537c171cb56e403c4dc1d4b64f432611dc386e6f532050c3278c930e"
                    + "143e8bb1133824ccb431053871c6db53",
            HashAlgorithm.SHA512, "1e3b76502c8a1425aa0b7b3fc646a1b0fae063b03b5368f9c4cddecaff0891dd"
                    + "682bac1a85d4d832b781ea451915de5fc5bf0dc4a1917cd42fa041e3f998e0ee",
            HashAlgorithm.SM3_256, "c67f7d35f66f3bec13c89fe898921c651b0cb5a38a92690a62a43c0012e4fb8b");

    private static final Map<HashAlgorithm, String> POLICY_B = Map.of(
            HashAlgorithm.SHA256, "ca3d0a99a2b93906f7a3342414efcfb3a385d44cd1fd459089d19b5071c0b7a0",
            HashAlgorithm.SHA384, "b26e7d28d11a50bc53d882bcf5fd3a1a074148bb35d3b4e4cb1c0ad9bde419ca"
                    + "cb47ba09699646150f9fc000f3f80e12",
            HashAlgorithm.SHA512, "b8221ca69e8550a4914de3faa6a18c072cc01208073a928d5d66d59ef79e49a4"
                    + "29c41a6b269571d57edb25fbdb1838425608b413cd616a5f6db5b6071af99bea",
            HashAlgorithm.SM3_256, "167860a35f2c5c3567f9c927ac56c032f3b3a6462f8d037998e7a10f77fa454a");

    private static final Map<HashAlgorithm, String> POLICY_C = Map.of(
            HashAlgorithm.SHA256, "3767e2edd43ff45a3a7e1eaefcef78643dca964632e7aad82c673a30d8633fde",
            HashAlgorithm.SHA384, "d6032ce61f2fb3c240eb3cf6a33237ef2b6a16f4293c22b455e261cffd217ad5"
                    + "b4947c2d73e63005eed2dc2b3593d165",
            HashAlgorithm.SHA512, "589ee1e146544716e8deafe6db247b01b81e9f9c7dd16b814aa159138749105f"
                    + "ba5388dd1dea702f35240c184933121e2c61b8f50d3ef91393a49a38c3f73fc8",
            HashAlgorithm.SM3_256, "2d4e81578c3531d9bd1cdd7d02ba298d5699a3e39fc3551bfeffcf132b49e11d");

    /** Policy indices I-1 to I-4, which hold the delegated policy PolicyC authorizes. */
    private static final Map<HashAlgorithm, Integer> POLICY_INDEX = Map.of(
            HashAlgorithm.SHA256, 0x01C0_7F01,
            HashAlgorithm.SHA384, 0x01C0_7F02,
            HashAlgorithm.SHA512, 0x01C0_7F03,
            HashAlgorithm.SM3_256, 0x01C0_7F04);

    /** TPMA_NV of the policy indices: policy-written once, readable by all, no DA, written. */
    private static final NvAttributes POLICY_INDEX_ATTRIBUTES = NvAttributes.of(NvAttributes.POLICYWRITE,
            NvAttributes.WRITEALL, NvAttributes.PPREAD, NvAttributes.OWNERREAD, NvAttributes.AUTHREAD,
            NvAttributes.POLICYREAD, NvAttributes.NO_DA, NvAttributes.WRITTEN);

    private EkPolicies() {
    }

    public static Digest policyA(HashAlgorithm hash) {
        return lookup(POLICY_A, hash);
    }

    public static Digest policyB(HashAlgorithm hash) {
        return lookup(POLICY_B, hash);
    }

    public static Digest policyC(HashAlgorithm hash) {
        return lookup(POLICY_C, hash);
    }

    /**
     * The public area a policy index must have for PolicyC to hold: its authPolicy is PolicyA and
     * its data a TPMT_HA of the hash.
     */
    public static NvPublic policyIndex(HashAlgorithm hash) {
        Integer index = POLICY_INDEX.get(hash);
        if (index == null) {
            throw new IllegalArgumentException("no EK policy index for " + hash);
        }
        return new NvPublic(new Handle(index), new AlgId(hash.algId()), POLICY_INDEX_ATTRIBUTES, policyA(hash),
                2 + hash.digestSize());
    }

    private static Digest lookup(Map<HashAlgorithm, String> table, HashAlgorithm hash) {
        String hex = table.get(hash);
        if (hex == null) {
            throw new IllegalArgumentException("the EK Credential Profile defines no policy for " + hash);
        }
        return new Digest(HexFormat.of().parseHex(hex));
    }
}
