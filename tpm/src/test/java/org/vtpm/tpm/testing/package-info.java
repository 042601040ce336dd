/** Test support: random valid values of any marshallable type, derived from the types' declarations. */
package org.vtpm.tpm.testing;
