package org.vtpm.manager.vtpm;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A vTPM as the services hand it out: no entity, no key material. */
public record VtpmView(String id, String name, Map<String, String> labels, VtpmStatus status, String host,
                       Endpoint endpoint, List<Key> identity, Instant created, Instant updated) {

    /** Where the VM reaches a running vTPM (swtpm protocol: data port, control port). */
    public record Endpoint(String protocol, String host, int port, int ctrlPort) {
    }

    /** A certified key of the vTPM: where it persists, and where its certificate is in NV (hex handles). */
    public record Key(IdentityKey.Kind kind, String handle, String certificateIndex) {
    }

    static String hex(int handle) {
        return String.format("0x%08x", handle);
    }

    static VtpmView of(Vtpm vtpm) {
        Endpoint endpoint = vtpm.getStatus() == VtpmStatus.RUNNING && vtpm.getEndpointPort() != null
                ? new Endpoint("swtpm", vtpm.getEndpointHost(), vtpm.getEndpointPort(), vtpm.getEndpointCtrlPort())
                : null;
        return new VtpmView(vtpm.getId(), vtpm.getName(), vtpm.getLabels(), vtpm.getStatus(), vtpm.getHost().getName(),
                endpoint, vtpm.getIdentity().stream()
                        .map(key -> new Key(key.getKind(), hex(key.getHandle()), hex(key.getCertificateIndex())))
                        .toList(),
                vtpm.getCreated(), vtpm.getUpdated());
    }
}
