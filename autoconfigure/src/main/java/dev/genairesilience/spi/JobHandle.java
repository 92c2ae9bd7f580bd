package dev.genairesilience.spi;

import java.util.Objects;

/**
 * What an asynchronous provider needs to fetch a job it submitted later, from another run of the application: the
 * job's id at the provider, and an opaque value only that provider reads (the URLs its API answered, for instance).
 * The value may hold signed URLs or tokens, so it is never shown: {@link #toString()} names the id only, and the
 * engine keeps the value out of logs, exceptions and the Actuator.
 */
public final class JobHandle {

    /** The longest value a handle may have, in characters: what the off-peak queue's job table keeps. */
    public static final int MAX_VALUE_LENGTH = 4000;
    /** The longest id a handle may have, in characters. */
    public static final int MAX_ID_LENGTH = 200;

    private final String id;
    private final String value;

    private JobHandle(String id, String value) {
        this.id = id;
        this.value = value;
    }

    /**
     * @param id    the provider's id of the job, which may be logged (it is what {@code Attempt.abandonedJob()} shows)
     * @param value what the provider reads back in {@link ImageProvider#resume}; may hold secrets
     * @throws IllegalArgumentException when either is blank or longer than its limit (the message never quotes the
     *                                  value)
     */
    public static JobHandle of(String id, String value) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(value, "value");
        if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("a job handle's id must be 1 to " + MAX_ID_LENGTH + " characters, was "
                    + id.length());
        }
        if (value.isBlank() || value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("the value of the handle of job " + id + " must be 1 to "
                    + MAX_VALUE_LENGTH + " characters, was " + value.length());
        }
        return new JobHandle(id, value);
    }

    /** The provider's id of the job. */
    public String id() {
        return id;
    }

    /** What the provider reads back to fetch the job; may hold signed URLs or tokens: never log it. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobHandle h && id.equals(h.id) && value.equals(h.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, value);
    }

    @Override
    public String toString() {
        return "JobHandle[" + id + "]";
    }
}
