package dev.genairesilience.benchmarks.scenario;

/**
 * What the emulator counted for one model in one run.
 *
 * @param calls  generation calls it received
 * @param images calls it answered with an image; every other call got the answer the scenario scripts for it
 *               (503 overloaded, 429, loading)
 */
record ModelCounts(int calls, int images) {

    /** Calls answered with anything but an image. */
    int refusals() {
        return calls - images;
    }
}
