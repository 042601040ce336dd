/**
 * Whole-system tests: the built EAR on the provisioned WildFly, with a swtpm as the host's
 * physical TPM, driven the way operators and applications use it. {@link org.vtpm.it.SystemUnderTest}
 * sets up what every suite shares; {@link org.vtpm.it.Api} is the REST client.
 */
package org.vtpm.it;
