package org.vtpm.manager.host;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.vtpm.manager.InvalidRequestException;
import org.vtpm.manager.keys.ConnectionTransport;
import org.vtpm.manager.security.Roles;
import org.vtpm.manager.keys.Kek;
import org.vtpm.manager.keys.KeyProtectionException;
import org.vtpm.manager.keys.ManagerKek;
import org.vtpm.manager.keys.SealedKek;
import org.vtpm.rar.api.TpmConnection;
import org.vtpm.rar.api.TpmConnectionFactory;
import org.vtpm.rar.api.TpmResourceException;
import org.vtpm.tpm.client.Tpm;

/**
 * The hosts this manager runs vTPMs on, and their KEKs. The local host (named by the system
 * property {@value #NAME_PROPERTY}, default {@value #DEFAULT_NAME}) is this server with the
 * physical TPM of {@value #LOCAL_PHYSICAL_TPM}; more are registered with the connection factory
 * of their pTPM. A host's KEK is sealed by its pTPM the first time it is needed and unsealed once
 * per server start; it stays in memory only.
 */
@Singleton
@Startup
@PermitAll
@Lock(LockType.READ)
public class HostRegistry {

    public static final String LOCAL_PHYSICAL_TPM = "java:/eis/tpm/physical";
    static final String NAME_PROPERTY = "vtpm.host.name";
    static final String DEFAULT_NAME = "local";

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Logger LOG = Logger.getLogger(HostRegistry.class.getName());

    @PersistenceContext(unitName = "vtpm")
    private EntityManager em;

    private final Map<String, Kek> keks = new ConcurrentHashMap<>();

    @PostConstruct
    void ensureLocalHost() {
        String name = System.getProperty(NAME_PROPERTY, DEFAULT_NAME);
        if (findByName(name).isEmpty()) {
            em.persist(new Host(UUID.randomUUID().toString(), name, LOCAL_PHYSICAL_TPM, Instant.now()));
            LOG.info("registered the local host '" + name + "' with the physical TPM " + LOCAL_PHYSICAL_TPM);
        }
    }

    public Host local() {
        return findByName(System.getProperty(NAME_PROPERTY, DEFAULT_NAME))
                .orElseThrow(() -> new IllegalStateException("the local host is not registered"));
    }

    public Host byName(String name) throws HostNotFoundException {
        return findByName(name).orElseThrow(() -> new HostNotFoundException(name));
    }

    public Host byId(String id) {
        return em.find(Host.class, id);
    }

    public HostView describe(String name) throws HostNotFoundException {
        return view(byName(name), System.getProperty(NAME_PROPERTY, DEFAULT_NAME));
    }

    public List<HostView> list() {
        String local = System.getProperty(NAME_PROPERTY, DEFAULT_NAME);
        return em.createQuery("SELECT h FROM Host h ORDER BY h.name", Host.class).getResultStream()
                .map(host -> view(host, local))
                .toList();
    }

    /**
     * Registers a host by the connection factory of its physical TPM, which must answer now, so a
     * typo shows at once and not at the first vTPM that lands there.
     */
    @RolesAllowed(Roles.ADMIN)
    public HostView register(String name, String physicalTpm) throws InvalidRequestException, TpmResourceException {
        if (name == null || !HOST_NAME.matcher(name).matches()) {
            throw new InvalidRequestException("name must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (physicalTpm == null || !physicalTpm.startsWith("java:/eis/tpm/")) {
            throw new InvalidRequestException("physicalTpm must be the JNDI name of a TPM connection factory,"
                    + " under java:/eis/tpm/");
        }
        if (findByName(name).isPresent()) {
            throw new InvalidRequestException("a host named '" + name + "' exists already");
        }
        TpmConnectionFactory factory;
        try {
            factory = factory(physicalTpm);
        } catch (TpmResourceException e) {
            throw new InvalidRequestException(e.getMessage());
        }
        try (TpmConnection tpm = factory.getConnection()) {
            tpm.getRandom(8);
        }
        Host host = new Host(UUID.randomUUID().toString(), name, physicalTpm, Instant.now());
        em.persist(host);
        LOG.info("registered host '" + name + "' with the physical TPM " + physicalTpm);
        return view(host, System.getProperty(NAME_PROPERTY, DEFAULT_NAME));
    }

    private static HostView view(Host host, String localName) {
        return new HostView(host.getId(), host.getName(), host.getPhysicalTpm(), host.getName().equals(localName),
                host.getCreated());
    }

    /** The KEK of a host, unsealed by its pTPM at first use (sealed there first if it has none). */
    public Kek kek(String hostId) {
        Kek kek = keks.get(hostId);
        return kek != null ? kek : loadKek(hostId);
    }

    /** A pooled connection to a host's physical TPM. */
    public TpmConnection physicalTpm(Host host) throws TpmResourceException {
        return factory(host.getPhysicalTpm()).getConnection();
    }

    private synchronized Kek loadKek(String hostId) {
        Kek cached = keks.get(hostId);
        if (cached != null) {
            return cached;
        }
        Host host = em.find(Host.class, hostId);
        try (TpmConnection connection = physicalTpm(host)) {
            Tpm tpm = new Tpm(new ConnectionTransport(connection));
            Kek kek;
            if (host.getSealedKek() == null) {
                SealedKek sealed = ManagerKek.seal(tpm, KekBinding.configured());
                kek = ManagerKek.unseal(tpm, sealed);
                host.setSealedKek(sealed.encoded());
                LOG.info("sealed a new KEK for host '" + host.getName() + "' in its physical TPM");
            } else {
                kek = ManagerKek.unseal(tpm, SealedKek.decode(host.getSealedKek()));
                LOG.info("unsealed the KEK of host '" + host.getName() + "' with its physical TPM");
            }
            keks.put(hostId, kek);
            return kek;
        } catch (KeyProtectionException e) {
            throw new KeyProtectionFailure("the KEK of host '" + host.getName() + "' is not available: "
                    + e.getMessage(), e);
        } catch (TpmResourceException | IOException e) {
            throw new KeyProtectionFailure("the physical TPM of host '" + host.getName() + "' is not available: "
                    + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new KeyProtectionFailure("no KEK can be sealed for host '" + host.getName() + "': "
                    + e.getMessage(), e);
        }
    }

    private Optional<Host> findByName(String name) {
        return em.createQuery("SELECT h FROM Host h WHERE h.name = :name", Host.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    private static TpmConnectionFactory factory(String jndiName) throws TpmResourceException {
        try {
            return InitialContext.doLookup(jndiName);
        } catch (NamingException | ClassCastException e) {
            throw new TpmResourceException("no TPM connection factory at " + jndiName);
        }
    }
}
