package org.vtpm.rar;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import javax.transaction.xa.XAResource;

import org.vtpm.rar.hosting.DeviceFactory;
import org.vtpm.rar.hosting.PortRange;
import org.vtpm.rar.hosting.StateDelivery;
import org.vtpm.rar.hosting.VtpmRegistry;
import org.vtpm.rar.hosting.VtpmStateActivationSpec;
import org.vtpm.rar.hosting.WorkManagerExecutor;
import org.vtpm.rar.hosting.WriteBehind;

/**
 * The adapter bean: owns the running vTPMs ({@link VtpmRegistry}) and the inbound delivery of
 * their state changes. TPM commands are not transactional (a TPM cannot roll back an extend), so
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

    @ConfigProperty(defaultValue = "engine",
            description = "What hosted vTPMs run on: engine (in this JVM) or swtpm (a process each)")
    private String virtualDevice = "engine";

    @ConfigProperty(defaultValue = "127.0.0.1", description = "Address the vTPMs' socket front ends listen on")
    private String exposeAddress = "127.0.0.1";

    @ConfigProperty(defaultValue = "", description = "Ports the front ends may use, like 40000-40999; empty for any free port")
    private String exposePorts = "";

    @ConfigProperty(defaultValue = "30",
            description = "Seconds between deliveries of changed volatile state (PCRs, sessions); 0 for none")
    private Integer volatileWriteBehindSeconds = 30;

    private final StateDelivery stateDelivery = new StateDelivery();
    private volatile WriteBehind writeBehind;
    private volatile VtpmRegistry registry;
    private volatile WorkManager workManager;
    private final List<AutoCloseable> ownedResources = new CopyOnWriteArrayList<>();

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        workManager = context.getWorkManager();
        try {
            registry = new VtpmRegistry(stateDelivery, DeviceFactory.named(virtualDevice),
                    InetAddress.getByName(exposeAddress), PortRange.parse(exposePorts), new WorkManagerExecutor(workManager));
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw new ResourceAdapterInternalException("bad adapter configuration: " + e.getMessage(), e);
        }
        if (volatileWriteBehindSeconds > 0) {
            writeBehind = new WriteBehind(registry, Duration.ofSeconds(volatileWriteBehindSeconds));
            try {
                workManager.startWork(writeBehind);
            } catch (WorkException e) {
                throw new ResourceAdapterInternalException("cannot start the volatile write-behind: " + e.getMessage(), e);
            }
        }
        LOG.info("TPM resource adapter started; vTPMs run on " + virtualDevice + ", front ends on " + exposeAddress);
    }

    @Override
    public void stop() {
        if (writeBehind != null) {
            writeBehind.release();
            writeBehind = null;
        }
        VtpmRegistry running = registry;
        if (running != null) {
            running.stopAll();
        }
        registry = null;
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

    /** The running vTPMs; null while the adapter is stopped. */
    public VtpmRegistry registry() {
        return registry;
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        if (!(spec instanceof VtpmStateActivationSpec)) {
            throw new jakarta.resource.NotSupportedException("unknown activation spec " + spec.getClass().getName());
        }
        stateDelivery.activate(factory);
        LOG.info("vTPM state listener activated: " + factory.getActivationName());
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        stateDelivery.deactivate(factory);
    }

    public String getVirtualDevice() {
        return virtualDevice;
    }

    public void setVirtualDevice(String virtualDevice) {
        this.virtualDevice = virtualDevice;
    }

    public String getExposePorts() {
        return exposePorts;
    }

    public void setExposePorts(String exposePorts) {
        this.exposePorts = exposePorts;
    }

    public Integer getVolatileWriteBehindSeconds() {
        return volatileWriteBehindSeconds;
    }

    public void setVolatileWriteBehindSeconds(Integer volatileWriteBehindSeconds) {
        this.volatileWriteBehindSeconds = volatileWriteBehindSeconds;
    }

    public String getExposeAddress() {
        return exposeAddress;
    }

    public void setExposeAddress(String exposeAddress) {
        this.exposeAddress = exposeAddress;
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
