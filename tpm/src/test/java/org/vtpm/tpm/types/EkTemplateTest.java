package org.vtpm.tpm.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmWriter;

/** The EK Credential Profile's templates and policies, recomputed from their definitions. */
class EkTemplateTest {

    private static final List<HashAlgorithm> PROFILE_HASHES =
            List.of(HashAlgorithm.SHA256, HashAlgorithm.SHA384, HashAlgorithm.SHA512, HashAlgorithm.SM3_256);

    /** PolicyUpdate (Part 3, 23.2.3) from an all-zero digest: H(H(0 || cc || name) || ref). */
    private static byte[] policySecret(HashAlgorithm hash, Name authName) {
        byte[] start = new byte[hash.digestSize()];
        byte[] first = hash.hash(start, u32(0x151), authName.buffer());
        return hash.hash(first, new byte[0]);
    }

    private static byte[] policyAuthorizeNv(HashAlgorithm hash, Name nvName) {
        return hash.hash(new byte[hash.digestSize()], u32(0x192), nvName.buffer());
    }

    private static byte[] policyOr(HashAlgorithm hash, byte[]... branches) {
        byte[] joined = new byte[0];
        for (byte[] b : branches) {
            byte[] next = new byte[joined.length + b.length];
            System.arraycopy(joined, 0, next, 0, joined.length);
            System.arraycopy(b, 0, next, joined.length, b.length);
            joined = next;
        }
        return hash.hash(new byte[hash.digestSize()], u32(0x171), joined);
    }

    private static byte[] u32(int v) {
        return new TpmWriter(4).writeU32(v).toByteArray();
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    @Test
    void publishedPoliciesFollowFromTheirDefinitions() {
        for (HashAlgorithm hash : PROFILE_HASHES) {
            byte[] a = policySecret(hash, Name.of(Handle.RH_ENDORSEMENT));
            assertEquals(hex(EkPolicies.policyA(hash).buffer()), hex(a), "PolicyA " + hash);

            byte[] c = policyAuthorizeNv(hash, Name.of(EkPolicies.policyIndex(hash)));
            assertEquals(hex(EkPolicies.policyC(hash).buffer()), hex(c), "PolicyC " + hash);

            assertEquals(hex(EkPolicies.policyB(hash).buffer()), hex(policyOr(hash, a, c)), "PolicyB " + hash);
        }
    }

    @Test
    void policyIndexNamesMatchThePublishedNames() {
        assertEquals("000b0c9d717e9c3fe69fda41769450bb145957f8b3610e084dbf65591a5d11ecd83f",
                hex(Name.of(EkPolicies.policyIndex(HashAlgorithm.SHA256)).buffer()));
        assertEquals("000cdb62fca346612c976732ff4e8621fb4e858be82586486504f7d0"
                + "2e621f8d7d61ae32cfc60c4d120609ed6768afcf090c",
                hex(Name.of(EkPolicies.policyIndex(HashAlgorithm.SHA384)).buffer()));
        assertEquals("000d1c47c0bbcbd3cf7d7cae6987d31937c171015dde3b7f0d3c869bca1f7e8a2"
                + "23b9acfadb49b7c9cf14d450f41e9327de34d9291eece2c58ab1dc10e9059cce560",
                hex(Name.of(EkPolicies.policyIndex(HashAlgorithm.SHA512)).buffer()));
        assertEquals(0x220F1008, EkPolicies.policyIndex(HashAlgorithm.SHA256).attributes().value());
    }

    @Test
    void lowRangeRsaTemplateBytes() {
        String expected = "0001 000b 000300b2 0020" + hex(EkPolicies.policyA(HashAlgorithm.SHA256).buffer())
                + " 0006 0080 0043 0010 0800 00000000 0100" + "00".repeat(256);
        assertEquals(expected.replace(" ", ""), hex(Codecs.marshal(EkTemplate.L1.template())));
    }

    @Test
    void lowRangeEccTemplateBytes() {
        String expected = "0023 000b 000300b2 0020" + hex(EkPolicies.policyA(HashAlgorithm.SHA256).buffer())
                + " 0006 0080 0043 0010 0003 0010 0020" + "00".repeat(32) + "0020" + "00".repeat(32);
        assertEquals(expected.replace(" ", ""), hex(Codecs.marshal(EkTemplate.L2.template())));
    }

    @Test
    void highRangeTemplates() {
        String h2 = "0023 000b 000300f2 0020" + hex(EkPolicies.policyB(HashAlgorithm.SHA256).buffer())
                + " 0006 0080 0043 0010 0003 0010 0000 0000";
        assertEquals(h2.replace(" ", ""), hex(Codecs.marshal(EkTemplate.H2.template())));
        String h6 = "0001 000c 000300f2 0030" + hex(EkPolicies.policyB(HashAlgorithm.SHA384).buffer())
                + " 0006 0100 0043 0010 0c00 00000000 0000";
        assertEquals(h6.replace(" ", ""), hex(Codecs.marshal(EkTemplate.H6.template())));
        String h5 = "0023 0012 000300f2 0020" + hex(EkPolicies.policyB(HashAlgorithm.SM3_256).buffer())
                + " 0013 0080 0043 0010 0020 0010 0000 0000";
        assertEquals(h5.replace(" ", ""), hex(Codecs.marshal(EkTemplate.H5.template())));
    }

    @ParameterizedTest
    @EnumSource(EkTemplate.class)
    void everyTemplateIsAValidPublicArea(EkTemplate template) throws TpmFormatException {
        Public area = template.template();
        assertEquals(area, Codecs.unmarshal(Public.class, Codecs.marshal(area)));
        assertTrue(area.objectAttributes().has(ObjectAttributes.ADMIN_WITH_POLICY));
        assertEquals(!template.isLowRange(), area.objectAttributes().has(ObjectAttributes.USER_WITH_AUTH));
        assertEquals(Ht.NV_INDEX, template.certificateIndex().type());
    }

    @Test
    void handleAndQualifiedNames() {
        assertEquals("40000001", hex(Name.of(Handle.RH_OWNER).buffer()));
        assertFalse(Name.of(Handle.RH_OWNER).isDigest());
        Name name = Name.of(EkTemplate.H2.template());
        assertTrue(name.isDigest());
        assertEquals(AlgId.SHA256, name.nameAlg());
        byte[] expected = HashAlgorithm.SHA256.hash(HexFormat.of().parseHex("4000000b"), name.buffer());
        assertEquals("000b" + hex(expected), hex(Name.qualified(Name.of(Handle.RH_ENDORSEMENT), name).buffer()));
        assertThrows(IllegalStateException.class, () -> Name.EMPTY.nameAlg());
    }

    @Test
    void anObjectWithoutNameAlgorithmHasTheEmptyName() {
        Public template = EkTemplate.H1.template();
        Public unnamed = new Public(template.type(), AlgId.NULL, template.objectAttributes(), Digest.EMPTY,
                template.parameters(), template.unique());
        assertEquals(Name.EMPTY, Name.of(unnamed));
    }
}
