package org.vtpm.rar.outbound;

import javax.naming.NamingException;
import javax.naming.Reference;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;

import org.vtpm.rar.api.TpmAccessPolicy;
import org.vtpm.rar.api.TpmConnection;
import org.vtpm.rar.api.TpmConnectionFactory;
import org.vtpm.rar.api.TpmResourceException;
import org.vtpm.rar.api.TpmTarget;

/** The factory applications look up; every connection goes through the container's pool. */
public class TpmConnectionFactoryImpl implements TpmConnectionFactory {

    private static final long serialVersionUID = 1L;

    private final transient TpmManagedConnectionFactory managedFactory;
    private final transient ConnectionManager connectionManager;
    private Reference reference;

    TpmConnectionFactoryImpl(TpmManagedConnectionFactory managedFactory, ConnectionManager connectionManager) {
        this.managedFactory = managedFactory;
        this.connectionManager = connectionManager;
    }

    @Override
    public TpmConnection getConnection() throws TpmResourceException {
        return getConnection(managedFactory.defaultTarget());
    }

    @Override
    public TpmConnection getConnection(TpmTarget target) throws TpmResourceException {
        TpmAccessPolicy policy = managedFactory.accessPolicy();
        if (policy != null) {
            policy.checkAccess(target, CallerIdentity.current());
        }
        try {
            return (TpmConnection) connectionManager.allocateConnection(managedFactory, new TpmConnectionRequest(target));
        } catch (TpmResourceException e) {
            throw e;
        } catch (ResourceException e) {
            throw new TpmResourceException("no connection to " + target + ": " + e.getMessage(), e);
        }
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
