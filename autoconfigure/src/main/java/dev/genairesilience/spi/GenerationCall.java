package dev.genairesilience.spi;

import dev.genairesilience.Resolution;
import java.time.Duration;
import java.util.Objects;

/**
 * One call for a provider to make: exactly one HTTP request, no retries of its own.
 *
 * @param prompt      the text to draw
 * @param resolution  the resolution to ask for (one the provider declared it supports)
 * @param aspectRatio the aspect ratio to ask for, such as {@code 1:1}
 * @param timeout     the whole call's timeout: the smaller of the provider's timeout and the time left
 *                    before the request's deadline; the provider must not wait longer
 * @param submissions told by an asynchronous provider of the job it submitted, before it polls (see
 *                    {@link SubmissionListener}); {@link SubmissionListener#NONE} when nobody keeps it
 */
public record GenerationCall(String prompt, Resolution resolution, String aspectRatio, Duration timeout,
        SubmissionListener submissions) {

    public GenerationCall {
        submissions = Objects.requireNonNullElse(submissions, SubmissionListener.NONE);
    }

    /** A call whose submissions nobody keeps. */
    public GenerationCall(String prompt, Resolution resolution, String aspectRatio, Duration timeout) {
        this(prompt, resolution, aspectRatio, timeout, SubmissionListener.NONE);
    }

    /**
     * The aspect ratio parsed, {@code 1:1} when none was given.
     *
     * @throws UnsupportedRequestException naming {@code aspectRatio} when it is not {@code W:H} (the engine checks
     *                                     requests before they reach a provider, so only a direct caller meets this)
     */
    public AspectRatio ratio() {
        try {
            return AspectRatio.parse(aspectRatio == null ? "1:1" : aspectRatio);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedRequestException("aspectRatio", e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "GenerationCall[prompt=<" + prompt.length() + " chars>, resolution=" + resolution + ", aspectRatio="
                + aspectRatio + ", timeout=" + timeout + "]";
    }
}
