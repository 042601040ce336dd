/**
 * Test support: random valid values of any marshallable type, derived from the types' declarations,
 * and tpm2-tools runs for interoperability tests.
 */
package org.vtpm.tpm.testing;
