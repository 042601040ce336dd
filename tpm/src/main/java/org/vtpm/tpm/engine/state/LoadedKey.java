package org.vtpm.tpm.engine.state;

import java.util.Optional;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.vtpm.tpm.engine.keys.KeyMaterial;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.Sensitive;
import org.vtpm.tpm.types.TpmLimits;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmReader;
import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.Tpm2b;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * A loaded object: its public area (kept as the exact bytes its name is computed over), its
 * sensitive area unless only the public part was loaded, its hierarchy and qualified name.
 */
public final class LoadedKey implements TransientObject {

    private static final int MAX_SENSITIVE = 1024;

    private final Handle hierarchy;
    private final Tpm2b<Public> publicArea;
    private final Sensitive sensitive;
    private final Name name;
    private final Name qualifiedName;
    private AsymmetricKeyParameter privateKey;
    private AsymmetricKeyParameter publicKey;

    /**
     * @param sensitive null when only the public area is loaded
     */
    public LoadedKey(Handle hierarchy, Tpm2b<Public> publicArea, Sensitive sensitive, Name qualifiedName) {
        this.hierarchy = hierarchy;
        this.publicArea = publicArea;
        this.sensitive = sensitive;
        this.name = Name.of(publicArea);
        this.qualifiedName = qualifiedName;
    }

    public Handle hierarchy() {
        return hierarchy;
    }

    public Tpm2b<Public> publicArea() {
        return publicArea;
    }

    public Public publicValue() {
        return publicArea.value();
    }

    public Optional<Sensitive> sensitive() {
        return Optional.ofNullable(sensitive);
    }

    public Name name() {
        return name;
    }

    public Name qualifiedName() {
        return qualifiedName;
    }

    public boolean has(ObjectAttributes attributes) {
        return publicArea.value().objectAttributes().has(attributes);
    }

    /** The Bouncy Castle private key of an RSA or ECC object with its sensitive area. */
    public Optional<AsymmetricKeyParameter> privateKey() {
        if (privateKey == null && sensitive != null) {
            privateKey = KeyMaterial.privateKey(publicArea.value(), sensitive).orElse(null);
        }
        return Optional.ofNullable(privateKey);
    }

    public Optional<AsymmetricKeyParameter> publicKey() {
        if (publicKey == null) {
            publicKey = KeyMaterial.publicKey(publicArea.value()).orElse(null);
        }
        return Optional.ofNullable(publicKey);
    }

    @Override
    public byte[] authValue() {
        return sensitive == null ? new byte[0] : sensitive.authValue().buffer();
    }

    @Override
    public boolean isDaExempt() {
        return has(ObjectAttributes.NO_DA);
    }

    @Override
    public void write(TpmWriter out) {
        out.writeU32(hierarchy.value());
        StateFields.writeBytes(out, publicArea.encoded());
        StateFields.writeBoolean(out, sensitive != null);
        if (sensitive != null) {
            StateFields.writeBytes(out, Codecs.marshal(sensitive));
        }
        StateFields.writeBytes(out, qualifiedName.buffer());
    }

    static LoadedKey read(TpmReader in) throws TpmFormatException {
        Handle hierarchy = new Handle(in.readU32());
        Public publicArea = Codecs.unmarshal(Public.class, StateFields.readBytes(in, TpmLimits.MAX_TEMPLATE_SIZE));
        Sensitive sensitive = null;
        if (StateFields.readBoolean(in)) {
            sensitive = Codecs.unmarshal(Sensitive.class, StateFields.readBytes(in, MAX_SENSITIVE));
        }
        Name qualifiedName = new Name(StateFields.readBytes(in, TpmLimits.SIZEOF_TPMT_HA));
        LoadedKey key = new LoadedKey(hierarchy, Tpm2b.of(publicArea), sensitive, qualifiedName);
        if (sensitive != null && !sensitive.sensitiveType().equals(publicArea.type())) {
            throw new TpmFormatException(TpmRc.TYPE, "sensitive area of another type");
        }
        return key;
    }
}
