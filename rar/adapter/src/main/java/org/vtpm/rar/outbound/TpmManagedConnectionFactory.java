package org.vtpm.rar.outbound;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.security.auth.Subject;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.ValidatingManagedConnectionFactory;

import org.vtpm.rar.api.TpmConnection;
import org.vtpm.rar.api.TpmAccessPolicy;
import org.vtpm.rar.api.TpmConnectionFactory;
import org.vtpm.rar.api.TpmResourceException;
import org.vtpm.rar.api.TpmTarget;
import org.vtpm.rar.api.TpmUnavailableException;

/**
 * One connection definition: which backend its TPMs live on and how to reach them. Configured
 * by the config properties of the definition in the server configuration
 * (see {@code wildfly-config/cli/configure-resource-adapter.cli}).
 */
@ConnectionDefinition(
        connectionFactory = TpmConnectionFactory.class,
        connectionFactoryImpl = TpmConnectionFactoryImpl.class,
        connection = TpmConnection.class,
        connectionImpl = TpmConnectionHandle.class)
public class TpmManagedConnectionFactory
        implements ManagedConnectionFactory, ResourceAdapterAssociation, ValidatingManagedConnectionFactory {

    private static final long serialVersionUID = 1L;

    @ConfigProperty(defaultValue = "tcp",
            description = "Where the TPMs are: tcp (a TPM over the swtpm or mssim protocol), device (/dev/tpmrm0), "
                    + "engine or swtpm (software stand-ins for a physical TPM), hosted (vTPMs run by this adapter)")
    private String backend = "tcp";

    @ConfigProperty(defaultValue = "127.0.0.1", description = "Host of the TPM, for backend tcp")
    private String host = "127.0.0.1";

    @ConfigProperty(defaultValue = "2321", description = "Data port of the TPM, for backend tcp")
    private Integer port = 2321;

    @ConfigProperty(defaultValue = "swtpm", description = "Protocol of the TPM, for backend tcp: swtpm or mssim")
    private String protocol = "swtpm";

    @ConfigProperty(defaultValue = "/dev/tpmrm0", description = "The TPM character device, for backend device")
    private String device = "/dev/tpmrm0";

    @ConfigProperty(description = "Directory for the state of TPMs this definition keeps on disk")
    private String stateDirectory;

    @ConfigProperty(description = "JNDI name of the TpmAccessPolicy that decides who may use which TPM; "
            + "empty for none (a definition only the manager's own services reach)")
    private String accessPolicy;

    @ConfigProperty(defaultValue = "5000",
            description = "How long a borrower waits for a TPM that another borrower holds, in milliseconds")
    private Integer leaseTimeoutMillis = 5000;

    private transient ResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;
    private transient TpmBackend tpmBackend;
    private final transient Map<TpmTarget, TpmChannel> channels = new HashMap<>();
    private transient volatile TpmAccessPolicy resolvedAccessPolicy;
    private transient PolicyLookup policyLookup = InitialContext::doLookup;

    /** Finds the policy by its JNDI name; a seam for tests, which have no naming service. */
    @FunctionalInterface
    interface PolicyLookup {
        TpmAccessPolicy lookup(String name) throws NamingException;
    }

    @Override
    public Object createConnectionFactory(ConnectionManager connectionManager) throws ResourceException {
        tpmBackend();
        return new TpmConnectionFactoryImpl(this, connectionManager);
    }

    @Override
    public Object createConnectionFactory() throws ResourceException {
        throw new jakarta.resource.NotSupportedException("the TPM adapter runs inside the application server only");
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        TpmTarget target = targetOf(info);
        TpmBackend backendForTarget = tpmBackend();
        if (!backendForTarget.serves(target)) {
            throw new jakarta.resource.spi.ResourceAllocationException(
                    "connection definition with backend " + backend + " does not serve " + target);
        }
        return new TpmManagedConnection(this, channel(backendForTarget, target));
    }

    /** The shared channel to a target, opened anew when the last one failed. */
    private TpmChannel channel(TpmBackend backendForTarget, TpmTarget target) throws TpmUnavailableException {
        synchronized (channels) {
            TpmChannel channel = channels.get(target);
            if (channel != null && !channel.failed()) {
                return channel;
            }
            if (channel != null) {
                channel.close();
            }
            try {
                channel = new TpmChannel(target, backendForTarget.open(target));
            } catch (IOException e) {
                throw new TpmUnavailableException("cannot reach " + target + " (" + backendForTarget.description()
                        + "): " + e.getMessage(), e);
            }
            channels.put(target, channel);
            return channel;
        }
    }

    /** A destroyed connection's channel is closed once it has failed; healthy ones stay shared. */
    void connectionDestroyed(TpmChannel channel) {
        synchronized (channels) {
            if (channel.failed() && channels.get(channel.target()) == channel) {
                channels.remove(channel.target());
                channel.close();
            }
        }
    }

    /** The configured policy, looked up once it is needed: it lives in an application deployed after the adapter. */
    TpmAccessPolicy accessPolicy() throws TpmResourceException {
        if (accessPolicy == null || accessPolicy.isBlank()) {
            return null;
        }
        TpmAccessPolicy policy = resolvedAccessPolicy;
        if (policy == null) {
            try {
                policy = policyLookup.lookup(accessPolicy);
            } catch (NamingException | ClassCastException e) {
                throw new TpmResourceException("the TPM access policy " + accessPolicy + " is not available: "
                        + e.getMessage(), e);
            }
            resolvedAccessPolicy = policy;
        }
        return policy;
    }

    void usePolicyLookup(PolicyLookup lookup) {
        this.policyLookup = lookup;
        this.resolvedAccessPolicy = null;
    }

    Duration leaseTimeout() {
        return Duration.ofMillis(leaseTimeoutMillis);
    }

    @Override
    public ManagedConnection matchManagedConnections(Set connectionSet, Subject subject, ConnectionRequestInfo info) {
        TpmTarget target = targetOf(info);
        for (Object candidate : connectionSet) {
            if (candidate instanceof TpmManagedConnection connection
                    && connection.target().equals(target) && connection.isUsable()) {
                return connection;
            }
        }
        return null;
    }

    @Override
    public Set getInvalidConnections(Set connectionSet) {
        Set<ManagedConnection> invalid = new HashSet<>();
        for (Object candidate : connectionSet) {
            if (candidate instanceof TpmManagedConnection connection && !connection.probe()) {
                invalid.add(connection);
            }
        }
        return invalid;
    }

    TpmTarget defaultTarget() {
        return TpmTarget.defaultPhysical();
    }

    String backendDescription() throws ResourceException {
        return tpmBackend().description();
    }

    private TpmTarget targetOf(ConnectionRequestInfo info) {
        return info instanceof TpmConnectionRequest request ? request.target() : defaultTarget();
    }

    private synchronized TpmBackend tpmBackend() throws ResourceException {
        if (tpmBackend == null) {
            tpmBackend = switch (backend.trim().toLowerCase(Locale.ROOT)) {
                case "tcp" -> new TcpBackend(host, port, protocol);
                case "device" -> new DeviceBackend(java.nio.file.Path.of(device));
                case "engine" -> engineStandIn();
                case "swtpm" -> standIn();
                case "hosted" -> hosted();
                default -> throw new InvalidPropertyException(
                        "unknown TPM backend '" + backend + "'; expected tcp, device, engine, swtpm or hosted");
            };
        }
        return tpmBackend;
    }

    private TpmBackend hosted() throws InvalidPropertyException {
        if (!(resourceAdapter instanceof org.vtpm.rar.TpmResourceAdapter adapter)) {
            throw new InvalidPropertyException("backend hosted needs the TPM resource adapter");
        }
        return new HostedBackend(adapter);
    }

    private TpmBackend standIn() throws InvalidPropertyException {
        return ownedByAdapter(new SwtpmStandInBackend(stateDirectory("swtpm")));
    }

    private TpmBackend engineStandIn() throws InvalidPropertyException {
        return ownedByAdapter(new EngineStandInBackend(stateDirectory("engine")));
    }

    private java.nio.file.Path stateDirectory(String forBackend) throws InvalidPropertyException {
        if (stateDirectory == null || stateDirectory.isBlank()) {
            throw new InvalidPropertyException("backend " + forBackend + " needs the StateDirectory property");
        }
        return java.nio.file.Path.of(stateDirectory);
    }

    private <B extends TpmBackend & AutoCloseable> TpmBackend ownedByAdapter(B backend) {
        if (resourceAdapter instanceof org.vtpm.rar.TpmResourceAdapter adapter) {
            adapter.closeOnStop(backend);
        }
        return backend;
    }

    public String getBackend() {
        return backend;
    }

    public void setBackend(String backend) {
        this.backend = backend;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getProtocol() {
        return protocol;
    }

    public void setProtocol(String protocol) {
        this.protocol = protocol;
    }

    public String getDevice() {
        return device;
    }

    public void setDevice(String device) {
        this.device = device;
    }

    public String getAccessPolicy() {
        return accessPolicy;
    }

    public void setAccessPolicy(String accessPolicy) {
        this.accessPolicy = accessPolicy;
        this.resolvedAccessPolicy = null;
    }

    public Integer getLeaseTimeoutMillis() {
        return leaseTimeoutMillis;
    }

    public void setLeaseTimeoutMillis(Integer leaseTimeoutMillis) {
        this.leaseTimeoutMillis = leaseTimeoutMillis;
    }

    public String getStateDirectory() {
        return stateDirectory;
    }

    public void setStateDirectory(String stateDirectory) {
        this.stateDirectory = stateDirectory;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) {
        this.resourceAdapter = resourceAdapter;
        if (resourceAdapter instanceof org.vtpm.rar.TpmResourceAdapter adapter) {
            adapter.closeOnStop(this::closeChannels);
        }
    }

    private void closeChannels() {
        synchronized (channels) {
            channels.values().forEach(TpmChannel::close);
            channels.clear();
        }
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    // JCA: factories with the same configuration are equal.
    @Override
    public boolean equals(Object other) {
        return other instanceof TpmManagedConnectionFactory that
                && Objects.equals(backend, that.backend)
                && Objects.equals(host, that.host)
                && Objects.equals(port, that.port)
                && Objects.equals(protocol, that.protocol)
                && Objects.equals(device, that.device)
                && Objects.equals(stateDirectory, that.stateDirectory)
                && Objects.equals(accessPolicy, that.accessPolicy)
                && Objects.equals(leaseTimeoutMillis, that.leaseTimeoutMillis);
    }

    @Override
    public int hashCode() {
        return Objects.hash(backend, host, port, protocol, device, stateDirectory, accessPolicy, leaseTimeoutMillis);
    }
}
