package dev.genairesilience.testkit;

/** One provider API's wire format: how its calls read, and how its answers look. */
interface Dialect {

    Api api();

    /** Whether generation calls of this API are sent to {@code path}. */
    boolean servesPath(String path);

    /** Reads model, prompt, key and options from a generation call. */
    IncomingCall parse(IncomingRequest request);

    /** The answer carrying {@code png} as this API delivers images. */
    Answer success(IncomingCall call, byte[] png);

    /** The answer carrying {@code png} as {@link #success} does, made up to the size {@code oversized} sets. */
    Answer oversized(IncomingCall call, byte[] png, OversizedAnswer oversized);

    /** The answer this API gives for {@code fault}. */
    Answer fault(Fault fault, FaultContext context);

    /** The 400 answer for a request this API cannot read, saying why. */
    Answer invalid(String problem);
}
