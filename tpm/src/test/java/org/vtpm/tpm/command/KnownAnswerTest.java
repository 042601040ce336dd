package org.vtpm.tpm.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Attest;
import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.AuthCommand;
import org.vtpm.tpm.types.Cap;
import org.vtpm.tpm.types.CapabilityData;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.DigestValuesList;
import org.vtpm.tpm.types.Empty;
import org.vtpm.tpm.types.EncryptedSecret;
import org.vtpm.tpm.types.Ha;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Nonce;
import org.vtpm.tpm.types.NvAttributes;
import org.vtpm.tpm.types.NvPublic;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.PcrSelect;
import org.vtpm.tpm.types.PcrSelection;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Pt;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.PublicKeyRsa;
import org.vtpm.tpm.types.QuoteInfo;
import org.vtpm.tpm.types.RsaParms;
import org.vtpm.tpm.types.RsaScheme;
import org.vtpm.tpm.types.Se;
import org.vtpm.tpm.types.SensitiveCreate;
import org.vtpm.tpm.types.SessionAttributes;
import org.vtpm.tpm.types.SigScheme;
import org.vtpm.tpm.types.SignatureRsa;
import org.vtpm.tpm.types.Su;
import org.vtpm.tpm.types.SymDef;
import org.vtpm.tpm.types.SymDefObject;
import org.vtpm.tpm.types.TaggedProperty;
import org.vtpm.tpm.types.TaggedTpmPropertyList;
import org.vtpm.tpm.wire.Bytes;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.Tpm2b;

/** Byte-exact encodings built by hand from the tables of Part 3 and Part 2. */
class KnownAnswerTest {

    static final AuthCommand EMPTY_PASSWORD =
            new AuthCommand(Handle.RS_PW, Nonce.EMPTY, SessionAttributes.CONTINUE_SESSION, Auth.EMPTY);

    /** The storage key template of tpm2_createprimary's defaults: RSA-2048, AES-128-CFB, restricted decrypt. */
    static final Public SRK_TEMPLATE = new Public(AlgId.RSA, AlgId.SHA256,
            ObjectAttributes.of(ObjectAttributes.FIXED_TPM, ObjectAttributes.FIXED_PARENT,
                    ObjectAttributes.SENSITIVE_DATA_ORIGIN, ObjectAttributes.USER_WITH_AUTH,
                    ObjectAttributes.RESTRICTED, ObjectAttributes.DECRYPT),
            Digest.EMPTY, new RsaParms(SymDefObject.aesCfb(128), RsaScheme.NULL, 2048, 0), PublicKeyRsa.EMPTY);

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static <R extends TpmResponse> byte[] encode(TpmCommand<R> command, AuthCommand... auths) {
        CommandSpec<R> spec = Commands.spec(command);
        return CommandFraming.encode(spec.code(), spec.handles(command), List.of(auths), spec.parameters(command));
    }

    @Test
    void getRandom() throws TpmFormatException {
        byte[] expected = hex("8001 0000000c 0000017b 0008");
        assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(encode(new GetRandom(8))));
        assertEquals(new GetRandom(8), CommandFraming.decode(expected).command());
    }

    @Test
    void startup() throws TpmFormatException {
        byte[] expected = hex("8001 0000000c 00000144 0000");
        assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(encode(new Startup(Su.CLEAR))));
        assertEquals(new Startup(Su.CLEAR), CommandFraming.decode(expected).command());
    }

    @Test
    void getCapabilityFixedProperties() {
        byte[] expected = hex("8001 00000016 0000017a 00000006 00000100 0000007f");
        assertEquals(HexFormat.of().formatHex(expected),
                HexFormat.of().formatHex(encode(new GetCapability(Cap.TPM_PROPERTIES, Pt.PT_FIXED.value(), 127))));
    }

    @Test
    void pcrRead() throws TpmFormatException {
        byte[] expected = hex("8001 00000014 0000017e 00000001 000b 03 070000");
        PcrRead command = new PcrRead(PcrSelectionList.of(new PcrSelection(AlgId.SHA256, PcrSelect.of(0, 1, 2))));
        assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(encode(command)));
        assertEquals(command, CommandFraming.decode(expected).command());
    }

    @Test
    void pcrExtendWithAPasswordSession() throws TpmFormatException {
        byte[] expected = hex("8002 00000041 00000182 00000000"
                + " 00000009 40000009 0000 01 0000"
                + " 00000001 000b" + "00".repeat(32));
        PcrExtend command = new PcrExtend(Handle.pcr(0),
                new DigestValuesList(List.of(new Ha(AlgId.SHA256, Bytes.of(new byte[32])))));
        assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(encode(command, EMPTY_PASSWORD)));

        DecodedCommand decoded = CommandFraming.decode(expected);
        assertEquals(command, decoded.command());
        assertEquals(List.of(EMPTY_PASSWORD), decoded.authorizations());
        assertEquals(List.of(Handle.pcr(0)), decoded.handles());
        assertEquals(List.of(AuthRole.USER), decoded.spec().authRoles());
    }

    @Test
    void createPrimaryStorageKey() throws TpmFormatException {
        String publicArea = "0001 000b 00030072 0000 0006 0080 0043 0010 0800 00000000 0000";
        byte[] expected = hex("8002 00000043 00000131 40000001"
                + " 00000009 40000009 0000 01 0000"
                + " 0004 0000 0000"
                + " 001a " + publicArea
                + " 0000"
                + " 00000000");
        CreatePrimary command = new CreatePrimary(Handle.RH_OWNER, Tpm2b.of(SensitiveCreate.EMPTY),
                Tpm2b.of(SRK_TEMPLATE), Data.EMPTY, PcrSelectionList.EMPTY);
        assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(encode(command, EMPTY_PASSWORD)));
        assertEquals(command, CommandFraming.decode(expected).command());
        assertEquals(SRK_TEMPLATE, ((CreatePrimary) CommandFraming.decode(expected).command()).inPublic().value());
    }

    @Test
    void getRandomResponse() throws TpmFormatException {
        byte[] response = hex("8001 00000014 00000000 0008 0102030405060708");
        CommandSpec<GetRandomResponse> spec = Commands.spec(new GetRandom(8));
        DecodedResponse decoded = ResponseFraming.decode(response, spec.responseHandleCount(), 0);
        GetRandomResponse typed = spec.readResponse(decoded.handles(), decoded.parameters().toByteArray());
        assertEquals(new Digest(hex("0102030405060708")), typed.randomBytes());
    }

    @Test
    void getCapabilityResponseSelectsTheUnionArm() throws TpmFormatException {
        byte[] response = hex("8001 00000023 00000000 01 00000006 00000002 00000100 322e3000 00000105 49424d00");
        CommandSpec<GetCapabilityResponse> spec = Commands.spec(new GetCapability(Cap.TPM_PROPERTIES, 0, 0));
        DecodedResponse decoded = ResponseFraming.decode(response, 0, 0);
        GetCapabilityResponse typed = spec.readResponse(decoded.handles(), decoded.parameters().toByteArray());
        CapabilityData data = typed.capabilityData();
        assertEquals(true, typed.moreData());
        TaggedTpmPropertyList properties = assertInstanceOf(TaggedTpmPropertyList.class, data.data());
        assertEquals(List.of(new TaggedProperty(Pt.FAMILY_INDICATOR, 0x322e3000),
                new TaggedProperty(Pt.MANUFACTURER, 0x49424d00)), properties.tpmProperty());
    }

    @Test
    void createPrimaryResponseWithSessionArea() throws TpmFormatException {
        String publicArea = "0001 000b 00030072 0000 0006 0080 0043 0010 0800 00000000 0004 01020304";
        String creationData = "00000000 0000 01 000b 0000 0000 0000";
        String parameters = "001e " + publicArea
                + " 000f " + creationData
                + " 0000"
                + " 8021 40000001 0000"
                + " 0004 000b 0102";
        int parameterSize = hex(parameters).length;
        byte[] response = hex("8002 " + String.format("%08x", 10 + 4 + 4 + parameterSize + 5)
                + " 00000000 80000000 " + String.format("%08x", parameterSize) + parameters + " 0000 01 0000");
        CommandSpec<CreatePrimaryResponse> spec = Commands.spec(new CreatePrimary(Handle.RH_OWNER,
                Tpm2b.of(SensitiveCreate.EMPTY), Tpm2b.of(SRK_TEMPLATE), Data.EMPTY, PcrSelectionList.EMPTY));
        DecodedResponse decoded = ResponseFraming.decode(response, spec.responseHandleCount(), 1);
        CreatePrimaryResponse typed = spec.readResponse(decoded.handles(), decoded.parameters().toByteArray());
        assertEquals(new Handle(0x8000_0000), typed.objectHandle());
        assertEquals(new PublicKeyRsa(hex("01020304")), typed.outPublic().value().unique());
        assertEquals(Handle.RH_OWNER, typed.creationTicket().hierarchy());
        assertEquals(Empty.INSTANCE, ((RsaParms) typed.outPublic().value().parameters()).scheme().details());
        assertEquals(SessionAttributes.CONTINUE_SESSION, decoded.authorizations().get(0).sessionAttributes());
    }

    @Test
    void quoteWithAPasswordSession() throws TpmFormatException {
        byte[] expected = hex("8002 0000002d 00000158 81010002"
                + " 00000009 40000009 0000 01 0000"
                + " 0004 aabbccdd"
                + " 0010"
                + " 00000001 000b 03 070000");
        Quote command = new Quote(new Handle(0x8101_0002), new Data(hex("aabbccdd")), SigScheme.NULL,
                PcrSelectionList.of(new PcrSelection(AlgId.SHA256, PcrSelect.of(0, 1, 2))));
        assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(encode(command, EMPTY_PASSWORD)));
        assertEquals(command, CommandFraming.decode(expected).command());
    }

    @Test
    void startAuthSessionForAPolicy() throws TpmFormatException {
        byte[] expected = hex("8001 0000002b 00000176 40000007 40000007"
                + " 0010" + "11".repeat(16)
                + " 0000 01 0010 000b");
        StartAuthSession command = new StartAuthSession(Handle.RH_NULL, Handle.RH_NULL,
                new Nonce(hex("11".repeat(16))), EncryptedSecret.EMPTY, Se.POLICY, SymDef.NULL, AlgId.SHA256);
        assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(encode(command)));
        assertEquals(command, CommandFraming.decode(expected).command());
    }

    @Test
    void nvDefineSpace() throws TpmFormatException {
        byte[] expected = hex("8002 0000002d 0000012a 40000001"
                + " 00000009 40000009 0000 01 0000"
                + " 0000"
                + " 000e 01500000 000b 00060006 0000 0020");
        NvAttributes attributes = NvAttributes.of(NvAttributes.OWNERWRITE, NvAttributes.AUTHWRITE,
                NvAttributes.OWNERREAD, NvAttributes.AUTHREAD);
        NvDefineSpace command = new NvDefineSpace(Handle.RH_OWNER, Auth.EMPTY,
                Tpm2b.of(new NvPublic(new Handle(0x0150_0000), AlgId.SHA256, attributes, Digest.EMPTY, 32)));
        assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(encode(command, EMPTY_PASSWORD)));
        assertEquals(command, CommandFraming.decode(expected).command());
    }

    @Test
    void quotedAttestationKeepsItsSignedBytes() throws TpmFormatException {
        String digest = "5f".repeat(32);
        String attest = "ff544347 8018 0022 000b" + "ab".repeat(32)
                + " 0004 aabbccdd"
                + " 0000000000001000 00000002 00000003 01"
                + " 0102030405060708"
                + " 00000001 000b 03 070000 0020" + digest;
        String signature = "0014 000b 0004 01020304";
        String parameters = String.format("%04x", hex(attest).length) + attest + signature;
        byte[] response = hex("8001 " + String.format("%08x", 10 + hex(parameters).length) + " 00000000" + parameters);
        CommandSpec<QuoteResponse> spec = Commands.spec(new Quote(Handle.RH_NULL, Data.EMPTY, SigScheme.NULL,
                PcrSelectionList.EMPTY));
        DecodedResponse decoded = ResponseFraming.decode(response, 0, 0);
        QuoteResponse typed = spec.readResponse(decoded.handles(), decoded.parameters().toByteArray());

        Attest quoted = typed.quoted().value();
        assertEquals(Attest.TPM_GENERATED_VALUE, quoted.magic());
        assertEquals(new Digest(hex(digest)), assertInstanceOf(QuoteInfo.class, quoted.attested()).pcrDigest());
        assertEquals(0x1000L, quoted.clockInfo().clock());
        assertEquals(HexFormat.of().formatHex(hex(attest)), HexFormat.of().formatHex(typed.quoted().encoded()));
        SignatureRsa rsa = assertInstanceOf(SignatureRsa.class, typed.signature().signature());
        assertEquals(AlgId.SHA256, rsa.hash());
    }
}
