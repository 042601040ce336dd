package org.vtpm.rar.hosting;

import java.io.Serializable;
import java.util.Optional;
import java.util.Set;

import javax.naming.NamingException;
import javax.naming.Reference;

import jakarta.resource.Referenceable;
import jakarta.resource.spi.AdministeredObject;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;

import org.vtpm.rar.TpmResourceAdapter;
import org.vtpm.rar.api.TpmResourceException;
import org.vtpm.rar.api.VtpmEndpoint;
import org.vtpm.rar.api.VtpmHost;
import org.vtpm.rar.api.VtpmState;

/** The administered object applications look up to run vTPMs ({@code java:/eis/tpm/host}). */
@AdministeredObject(adminObjectInterfaces = VtpmHost.class)
public class VtpmHostImpl implements VtpmHost, ResourceAdapterAssociation, Referenceable, Serializable {

    private static final long serialVersionUID = 1L;

    private transient TpmResourceAdapter adapter;
    private Reference reference;

    @Override
    public void start(String vtpmId, VtpmState state) throws TpmResourceException {
        registry().start(vtpmId, state);
    }

    @Override
    public VtpmState stop(String vtpmId) throws TpmResourceException {
        return registry().stop(vtpmId, false);
    }

    @Override
    public VtpmState suspend(String vtpmId) throws TpmResourceException {
        return registry().stop(vtpmId, true);
    }

    @Override
    public boolean isRunning(String vtpmId) {
        return adapter != null && adapter.registry().isRunning(vtpmId);
    }

    @Override
    public Set<String> running() {
        return adapter == null ? Set.of() : adapter.registry().running();
    }

    @Override
    public VtpmEndpoint expose(String vtpmId, VtpmEndpoint.Protocol protocol) throws TpmResourceException {
        return registry().expose(vtpmId, protocol);
    }

    @Override
    public Optional<VtpmEndpoint> endpoint(String vtpmId) {
        return adapter == null ? Optional.empty() : adapter.registry().endpoint(vtpmId);
    }

    private VtpmRegistry registry() throws TpmResourceException {
        if (adapter == null || adapter.registry() == null) {
            throw new TpmResourceException("the TPM resource adapter is not started");
        }
        return adapter.registry();
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return adapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) {
        this.adapter = (TpmResourceAdapter) resourceAdapter;
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() throws NamingException {
        return reference;
    }
}
