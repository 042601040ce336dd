package org.vtpm.tpm.engine.commands;

/**
 * What a command function may know about how its command arrived, beyond its own parameters.
 *
 * @param locality the locality (0..4) the command arrived at
 */
public record Request(int locality) {
}
