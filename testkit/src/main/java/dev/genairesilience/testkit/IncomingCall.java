package dev.genairesilience.testkit;

/**
 * A generation call as a dialect understood it.
 *
 * @param model        the model id, or {@code null} when the request does not say
 * @param prompt       the prompt, or {@code null} when the request is invalid
 * @param apiKey       the key the call carries, or {@code null}
 * @param waitForModel whether the caller asked to wait for a cold model instead of a loading answer
 * @param resolution   the size class the call asks for ({@code 1K}, {@code 2K}, {@code 4K}; see {@link Resolutions}),
 *                     or {@code null} when the request is invalid
 * @param problem      why the request is invalid, or {@code null} when it is valid
 */
record IncomingCall(String model, String prompt, String apiKey, boolean waitForModel, String resolution,
        String problem) {

    static IncomingCall valid(String model, String prompt, String apiKey, boolean waitForModel, String resolution) {
        return new IncomingCall(model, prompt, apiKey, waitForModel, resolution, null);
    }

    static IncomingCall invalid(String model, String apiKey, String problem) {
        return new IncomingCall(model, null, apiKey, false, null, problem);
    }

    /** Hides the key and the prompt. */
    @Override
    public String toString() {
        return "IncomingCall[model=" + model + ", waitForModel=" + waitForModel + ", resolution=" + resolution
                + ", problem=" + problem + "]";
    }
}
