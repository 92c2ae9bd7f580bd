package dev.genairesilience.spi;

/**
 * The provider's API no longer knows a job it was asked to {@link ImageProvider#resume resume}: its result expired,
 * or it was never there (BFL's {@code Task not found}, a {@code 404} or {@code 410} for the job's URL). Nothing can
 * be fetched: the job must be generated anew.
 */
public class UnknownJobException extends Exception {

    private final String jobId;

    /**
     * @param provider the provider id
     * @param jobId    the provider's id of the job
     * @param why      what the API answered, such as {@code Task not found} (never a body or a URL)
     */
    public UnknownJobException(String provider, String jobId, String why) {
        super("Provider '" + provider + "' no longer knows job " + jobId + " (" + why + ")");
        this.jobId = jobId;
    }

    /** The provider's id of the job. */
    public String jobId() {
        return jobId;
    }
}
