package org.vtpm.manager.vtpm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.vtpm.manager.host.Host;

/**
 * A vTPM as its tenant sees it: name, labels, where it is in its lifecycle, the host that runs
 * it, where its VM reaches it while it runs, and its certified identity. Its state lives apart
 * ({@link EncryptedState}, {@link VtpmKey}), written by the state listener while it runs, so the
 * two writers never contend for one row.
 */
@Entity
@Table(name = "vtpm", indexes = @Index(name = "vtpm_tenant_status", columnList = "tenant, status"))
public class Vtpm {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 128)
    private String tenant;

    @Column(nullable = false, length = 128)
    private String name;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "vtpm_label", joinColumns = @JoinColumn(name = "vtpm_id"))
    @MapKeyColumn(name = "label_key", length = 128)
    @Column(name = "label_value", length = 256)
    private Map<String, String> labels = new HashMap<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private VtpmStatus status;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "host_id")
    private Host host;

    @Column(name = "endpoint_host", length = 255)
    private String endpointHost;

    @Column(name = "endpoint_port")
    private Integer endpointPort;

    @Column(name = "endpoint_ctrl_port")
    private Integer endpointCtrlPort;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "vtpm_identity_key", joinColumns = @JoinColumn(name = "vtpm_id"))
    private List<IdentityKey> identity = new ArrayList<>();

    @Column(nullable = false)
    private Instant created;

    @Column(nullable = false)
    private Instant updated;

    @Version
    private long version;

    protected Vtpm() {
    }

    public Vtpm(String id, String tenant, String name, Map<String, String> labels, Host host, Instant now) {
        this.id = id;
        this.tenant = tenant;
        this.name = name;
        this.labels = new HashMap<>(labels);
        this.host = host;
        this.status = VtpmStatus.CREATING;
        this.created = now;
        this.updated = now;
    }

    public String getId() {
        return id;
    }

    public String getTenant() {
        return tenant;
    }

    public String getName() {
        return name;
    }

    public Map<String, String> getLabels() {
        return Map.copyOf(labels);
    }

    public VtpmStatus getStatus() {
        return status;
    }

    public Host getHost() {
        return host;
    }

    public List<IdentityKey> getIdentity() {
        return List.copyOf(identity);
    }

    public Instant getCreated() {
        return created;
    }

    public Instant getUpdated() {
        return updated;
    }

    public long getVersion() {
        return version;
    }

    public String getEndpointHost() {
        return endpointHost;
    }

    public Integer getEndpointPort() {
        return endpointPort;
    }

    public Integer getEndpointCtrlPort() {
        return endpointCtrlPort;
    }

    void provisioned(List<IdentityKey> keys, Instant now) {
        identity = new ArrayList<>(keys);
        moveTo(VtpmStatus.PROVISIONED, now);
    }

    void running(String host, int port, int ctrlPort, Instant now) {
        endpointHost = host;
        endpointPort = port;
        endpointCtrlPort = ctrlPort;
        moveTo(VtpmStatus.RUNNING, now);
    }

    void moveTo(VtpmStatus next, Instant now) {
        if (next != VtpmStatus.RUNNING) {
            endpointHost = null;
            endpointPort = null;
            endpointCtrlPort = null;
        }
        status = next;
        updated = now;
    }

    void moveToHost(Host target, Instant now) {
        host = target;
        updated = now;
    }
}
