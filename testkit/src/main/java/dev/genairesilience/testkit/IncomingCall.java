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
 * @param size         the pixel size the call asks for, which the image it gets has, or {@code null} when the request
 *                     is invalid
 * @param problem      why the request is invalid, or {@code null} when it is valid
 */
record IncomingCall(String model, String prompt, String apiKey, boolean waitForModel, String resolution,
        ImageSize size, String problem) {

    static IncomingCall valid(String model, String prompt, String apiKey, boolean waitForModel, String resolution,
            ImageSize size) {
        return new IncomingCall(model, prompt, apiKey, waitForModel, resolution, size, null);
    }

    /** A valid call asking for {@code resolution}, square. */
    static IncomingCall valid(String model, String prompt, String apiKey, boolean waitForModel, String resolution) {
        return valid(model, prompt, apiKey, waitForModel, resolution, ImageSize.ofClass(resolution, null));
    }

    static IncomingCall invalid(String model, String apiKey, String problem) {
        return new IncomingCall(model, null, apiKey, false, null, null, problem);
    }

    /** Hides the key and the prompt. */
    @Override
    public String toString() {
        return "IncomingCall[model=" + model + ", waitForModel=" + waitForModel + ", resolution=" + resolution
                + ", size=" + size + ", problem=" + problem + "]";
    }
}
