/**
 * The attestation API: server-driven attestations, challenges and evidence of a vTPM, results,
 * policies and their assignment, hosts' policies, and attestation jobs. Bodies whose shape
 * depends on their content (policies, PCR maps) travel as JSON-P objects that the services read
 * strictly; results and jobs go out as the services' view records.
 */
package org.vtpm.web.attest;
