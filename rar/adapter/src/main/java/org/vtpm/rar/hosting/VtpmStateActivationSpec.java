package org.vtpm.rar.hosting;

import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;

import org.vtpm.rar.api.VtpmStateListener;

/** Activation of an MDB implementing {@link VtpmStateListener}; it needs no properties. */
@Activation(messageListeners = VtpmStateListener.class)
public class VtpmStateActivationSpec implements ActivationSpec {

    private ResourceAdapter resourceAdapter;

    @Override
    public void validate() throws InvalidPropertyException {
        // nothing to configure: every activated listener receives every vTPM's changes
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) {
        this.resourceAdapter = resourceAdapter;
    }
}
