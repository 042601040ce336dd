/**
 * Hosts and the keys their physical TPMs protect: {@link org.vtpm.manager.host.HostRegistry}
 * registers hosts and keeps each host's manager KEK, unsealed by that host's pTPM.
 */
package org.vtpm.manager.host;
