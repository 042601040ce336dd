package org.vtpm.tpm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.client.PasswordSession;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.client.TpmCommandException;
import org.vtpm.tpm.command.CreateLoaded;
import org.vtpm.tpm.command.CreateLoadedResponse;
import org.vtpm.tpm.command.CreatePrimary;
import org.vtpm.tpm.command.FlushContext;
import org.vtpm.tpm.command.Load;
import org.vtpm.tpm.command.LoadResponse;
import org.vtpm.tpm.command.ReadPublic;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.SensitiveCreate;
import org.vtpm.tpm.types.SensitiveData;
import org.vtpm.tpm.types.Template;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.Tpm2b;

/**
 * TPM2_CreateLoaded against swtpm: primary objects (the same as TPM2_CreatePrimary makes),
 * ordinary objects whose wrapped private area loads again under the same parent, and the
 * response codes of parents, templates and sensitive areas either refuses.
 */
class SwtpmCreateLoadedDifferentialTest {

    private static final Public SIGNING = Templates.ecc(0x0003, Templates.SIGNING, AlgId.ECDSA, AlgId.SHA256);

    private static Differential both;
    private Tpm engine;
    private Tpm swtpm;

    @BeforeAll
    static void startSwtpm() throws IOException {
        both = new Differential();
    }

    @AfterAll
    static void stopSwtpm() throws IOException {
        both.close();
    }

    @BeforeEach
    void powerCycle() throws IOException {
        both.restart();
        engine = both.engineTpm();
        swtpm = both.swtpmTpm();
    }

    private static CreateLoadedResponse createLoaded(Tpm tpm, Handle parent, SensitiveCreate sensitive,
            byte[] template) throws Exception {
        return tpm.execute(new CreateLoaded(parent, Tpm2b.of(sensitive), new Template(template)),
                PasswordSession.empty());
    }

    private static Handle srk(Tpm tpm) throws Exception {
        return tpm.execute(new CreatePrimary(Handle.RH_OWNER, Tpm2b.of(SensitiveCreate.EMPTY),
                Tpm2b.of(Templates.rsaStorage()), Data.EMPTY, PcrSelectionList.EMPTY), PasswordSession.empty())
                .objectHandle();
    }

    @Test
    void primaryObjectsAreThoseCreatePrimaryMakes() throws Exception {
        for (Tpm tpm : List.of(engine, swtpm)) {
            for (Handle hierarchy : List.of(Handle.RH_OWNER, Handle.RH_ENDORSEMENT, Handle.RH_NULL)) {
                CreateLoadedResponse loaded = createLoaded(tpm, hierarchy, SensitiveCreate.EMPTY,
                        Codecs.marshal(SIGNING));
                assertEquals(0, loaded.outPrivate().size());
                Handle primary = tpm.execute(new CreatePrimary(hierarchy, Tpm2b.of(SensitiveCreate.EMPTY),
                        Tpm2b.of(SIGNING), Data.EMPTY, PcrSelectionList.EMPTY), PasswordSession.empty())
                        .objectHandle();
                assertEquals(loaded.name(), tpm.execute(new ReadPublic(primary)).name());
                tpm.execute(new FlushContext(primary));
                tpm.execute(new FlushContext(loaded.objectHandle()));
            }
        }
    }

    @Test
    void ordinaryObjectsLoadAgainUnderTheirParent() throws Exception {
        for (Tpm tpm : List.of(engine, swtpm)) {
            Handle srk = srk(tpm);
            SensitiveCreate withAuth = new SensitiveCreate(new Auth("key auth".getBytes()), SensitiveData.EMPTY);
            CreateLoadedResponse created = createLoaded(tpm, srk, withAuth, Codecs.marshal(SIGNING));
            assertTrue(created.outPrivate().size() > 0);
            assertEquals(Templates.SIGNING, created.outPublic().value().objectAttributes());
            tpm.execute(new FlushContext(created.objectHandle()));
            LoadResponse reloaded = tpm.execute(new Load(srk, created.outPrivate(), created.outPublic()),
                    PasswordSession.empty());
            assertEquals(created.name(), reloaded.name());
            tpm.execute(new FlushContext(reloaded.objectHandle()));
            tpm.execute(new FlushContext(srk));
        }
    }

    @Test
    void refusalsAnswerAlike() throws Exception {
        byte[] template = Codecs.marshal(SIGNING);
        Public inconsistent = new Public(AlgId.ECC, AlgId.SHA256,
                Templates.SIGNING.without(ObjectAttributes.FIXED_PARENT), SIGNING.authPolicy(), SIGNING.parameters(),
                SIGNING.unique());
        Public rsaStorage = Templates.rsaStorage();
        byte[] tooLong = new byte[33];
        Arrays.fill(tooLong, (byte) 1);
        SensitiveCreate longAuth = new SensitiveCreate(new Auth(tooLong), SensitiveData.EMPTY);
        SensitiveCreate withData = new SensitiveCreate(Auth.EMPTY, new SensitiveData(new byte[] {1, 2, 3}));
        List<Object[]> cases = List.of(
                new Object[] {SensitiveCreate.EMPTY, new byte[0]},
                new Object[] {SensitiveCreate.EMPTY, Arrays.copyOf(template, template.length + 1)},
                new Object[] {SensitiveCreate.EMPTY, Arrays.copyOf(template, template.length - 1)},
                new Object[] {SensitiveCreate.EMPTY, Codecs.marshal(inconsistent)},
                new Object[] {longAuth, template});
        Handle ourSrk = srk(engine);
        Handle theirSrk = srk(swtpm);
        for (Object[] c : cases) {
            for (Handle[] parents : new Handle[][] {{Handle.RH_OWNER, Handle.RH_OWNER}, {ourSrk, theirSrk}}) {
                assertEquals(code(swtpm, parents[1], (SensitiveCreate) c[0], (byte[]) c[1]),
                        code(engine, parents[0], (SensitiveCreate) c[0], (byte[]) c[1]), Arrays.toString(c));
            }
        }
        // An ordinary asymmetric key's private part is the TPM's own; a primary's data feeds its
        // derivation, which the engine does not offer (CreatePrimary answers the same way).
        for (byte[] asymmetric : List.of(template, Codecs.marshal(rsaStorage))) {
            assertEquals(code(swtpm, theirSrk, withData, asymmetric), code(engine, ourSrk, withData, asymmetric));
        }
        Handle ourSigner = createLoaded(engine, ourSrk, SensitiveCreate.EMPTY, template).objectHandle();
        Handle theirSigner = createLoaded(swtpm, theirSrk, SensitiveCreate.EMPTY, template).objectHandle();
        assertEquals(code(swtpm, theirSigner, SensitiveCreate.EMPTY, template),
                code(engine, ourSigner, SensitiveCreate.EMPTY, template));
        createLoaded(engine, ourSrk, SensitiveCreate.EMPTY, template);
        createLoaded(swtpm, theirSrk, SensitiveCreate.EMPTY, template);
        String full = code(engine, Handle.RH_OWNER, SensitiveCreate.EMPTY, template);
        assertEquals(code(swtpm, Handle.RH_OWNER, SensitiveCreate.EMPTY, template), full);
        assertEquals("TPM_RC_OBJECT_MEMORY", full.replaceAll(" .*", ""));
    }

    private static String code(Tpm tpm, Handle parent, SensitiveCreate sensitive, byte[] template) {
        try {
            createLoaded(tpm, parent, sensitive, template);
            return "success";
        } catch (TpmCommandException e) {
            return e.rc().toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
