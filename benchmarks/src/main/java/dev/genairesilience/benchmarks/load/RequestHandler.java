package dev.genairesilience.benchmarks.load;

/** Serves one request of a run. */
@FunctionalInterface
public interface RequestHandler {

    /**
     * @param index the request's number
     * @return the model that delivered the image
     * @throws Exception when nothing was delivered
     */
    String handle(int index) throws Exception;
}
