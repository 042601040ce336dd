/**
 * The REST API under {@code /api/v1}: resources by responsibility, request and response records
 * (never JPA entities), and errors as RFC 9457 problem details ({@code problem}).
 */
package org.vtpm.web;
