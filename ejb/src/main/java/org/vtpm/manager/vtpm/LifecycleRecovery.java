package org.vtpm.manager.vtpm;

import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

import org.vtpm.manager.host.HostRegistry;
import org.vtpm.rar.api.VtpmHost;

/**
 * At start, vTPMs recorded as running on this host that the adapter does not run (the server
 * went down under them) become STOPPED: their durable state reached the database before each
 * command was answered, so they start again with NV and persistent objects intact.
 */
@Singleton
@Startup
@DependsOn("HostRegistry")
@PermitAll
public class LifecycleRecovery {

    private static final Logger LOG = Logger.getLogger(LifecycleRecovery.class.getName());

    @EJB
    private HostRegistry hosts;

    @EJB
    private VtpmStore store;

    @Resource(lookup = "java:/eis/tpm/host")
    private VtpmHost vtpmHost;

    @PostConstruct
    void stopOrphans() {
        int stopped = store.markStopped(hosts.local(), vtpmHost.running());
        if (stopped > 0) {
            LOG.info(stopped + " vTPM(s) that ran when the server went down are now STOPPED");
        }
    }
}
