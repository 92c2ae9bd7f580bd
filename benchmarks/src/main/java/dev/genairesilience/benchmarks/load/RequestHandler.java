package dev.genairesilience.benchmarks.load;

/** Serves one request of a run. */
@FunctionalInterface
public interface RequestHandler {

    /**
     * @param index the request's number
     * @return the model that delivered the image, and at which resolution
     * @throws Exception when nothing was delivered
     */
    Delivery handle(int index) throws Exception;
}
