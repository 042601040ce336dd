/** The resource adapter inside the server: pooling, leases, isolation between borrowers, recovery. */
package org.vtpm.it.rar;
