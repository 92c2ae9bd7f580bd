package dev.genairesilience.testkit;

/**
 * How large a model's image answers are made, and whether they say so.
 *
 * @param size              the body's length in bytes
 * @param withContentLength whether it is sent with {@code Content-Length}, rather than chunked
 */
record OversizedAnswer(long size, boolean withContentLength) {
}
