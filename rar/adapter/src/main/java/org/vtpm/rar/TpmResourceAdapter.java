package org.vtpm.rar;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkManager;
import javax.transaction.xa.XAResource;

/**
 * The adapter bean. TPM commands are not transactional (a TPM cannot roll back an extend), so
 * the adapter declares no transaction support.
 */
@Connector(
        displayName = "vTPM manager TPM adapter",
        vendorName = "vtpm-manager",
        eisType = "TPM 2.0",
        version = "0.1",
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction,
        reauthenticationSupport = false)
public class TpmResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(TpmResourceAdapter.class.getName());

    private volatile WorkManager workManager;
    private final List<AutoCloseable> ownedResources = new CopyOnWriteArrayList<>();

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        workManager = context.getWorkManager();
        LOG.info("TPM resource adapter started");
    }

    @Override
    public void stop() {
        for (AutoCloseable resource : ownedResources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "cannot release " + resource, e);
            }
        }
        ownedResources.clear();
        workManager = null;
        LOG.info("TPM resource adapter stopped");
    }

    /** Processes and sockets the adapter started on behalf of its connection definitions. */
    public void closeOnStop(AutoCloseable resource) {
        ownedResources.add(resource);
    }

    /** The container's work manager, for work the adapter runs outside a caller's thread. */
    public WorkManager workManager() {
        return workManager;
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        throw new jakarta.resource.NotSupportedException("this adapter has no inbound message listener yet");
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        // nothing is ever activated, see endpointActivation
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    // One adapter instance per activation; JCA requires equals/hashCode to be overridden.
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
