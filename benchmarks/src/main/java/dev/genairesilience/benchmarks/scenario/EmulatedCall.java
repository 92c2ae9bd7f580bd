package dev.genairesilience.benchmarks.scenario;

import java.time.Instant;

/**
 * One generation call the emulator received in a run, as far as the figures need it.
 *
 * @param model      the model called
 * @param request    the number of the request that made it, read from its prompt; -1 when the prompt carries none
 * @param resolution the size class it asked for ({@code 1K}, {@code 2K}, {@code 4K}), or {@code null} when the
 *                   emulator could not read its body
 * @param receivedAt when it reached the emulator
 */
record EmulatedCall(String model, int request, String resolution, Instant receivedAt) {
}
