package dev.genairesilience.chain;

import dev.genairesilience.Attempt;
import dev.genairesilience.GeneratedImage;
import dev.genairesilience.GenerationRejectedException;
import dev.genairesilience.batch.ProviderJob;
import dev.genairesilience.batch.ResumedJob;
import dev.genairesilience.batch.ResumedJob.Outcome;
import dev.genairesilience.failure.Failure;
import dev.genairesilience.failure.FailureKind;
import dev.genairesilience.spi.AbandonedJobException;
import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.ProviderImage;
import dev.genairesilience.spi.UnknownJobException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Fetches a provider job that an earlier run of a queued job submitted (and died polling), instead of generating
 * again: one call of the provider's {@link ImageProvider#resume}, within its timeout cut to the request's deadline.
 * It is not a new attempt of the chain, so it goes through no breaker, lane or retry; a failure is classified as a
 * call's is, for the provenance.
 */
final class JobResumer {

    private final ChainPlanner planner;
    private final ChainExecutor executor;

    JobResumer(ChainPlanner planner, ChainExecutor executor) {
        this.planner = planner;
        this.executor = executor;
    }

    ResumedJob resume(ChainDefinition chain, ResolvedRequest request, ProviderJob job) {
        ImageProvider provider = planner.providerOf(job.lane());
        if (provider == null || !provider.resumes()) {
            return ResumedJob.notFetched(Outcome.UNKNOWN, null, provider == null ? "provider '" + job.lane()
                    + "' is not configured any more" : "provider '" + provider.id() + "' cannot resume a job");
        }
        Duration timeout = provider.timeout().compareTo(request.deadline()) < 0 ? provider.timeout()
                : request.deadline();
        Attempt.Builder record = Attempt.builder(provider.id(), provider.model()).resolution(job.resolution())
                .timeout(timeout).resumedJob(job.handle().id());
        Instant start = executor.clock().instant();
        try {
            ProviderImage image = provider.resume(job.handle(), timeout);
            Attempt resumed = record.duration(since(start))
                    .cost(executor.prices().delivered(provider.id(), job.resolution())).build();
            return ResumedJob.fetched(new GeneratedImage(image.bytes(), image.mimeType(), provider.id(),
                    provider.model(), job.resolution(), degraded(chain, request, provider, job), List.of(resumed),
                    List.of(), false, PriceList.total(List.of(resumed))));
        } catch (UnknownJobException e) {
            return ResumedJob.notFetched(Outcome.UNKNOWN, null, e.getMessage());
        } catch (AbandonedJobException e) {
            Attempt abandoned = record.duration(since(start)).failure(FailureKind.TIMEOUT, 0)
                    .abandonedJob(e.jobId()).cost(executor.prices().failed(provider.id(), 0)).build();
            return ResumedJob.notFetched(Outcome.ABANDONED, abandoned, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ResumedJob.notFetched(Outcome.FAILED, null, "interrupted");
        } catch (Exception e) {
            Failure failure = executor.classification().classify(e);
            Attempt failed = record.duration(since(start)).failure(failure.kind(), failure.httpStatus())
                    .cost(executor.prices().failed(provider.id(), failure.httpStatus())).build();
            return ResumedJob.notFetched(Outcome.FAILED, failed, failure.kind() + (failure.httpStatus() > 0
                    ? " (HTTP " + failure.httpStatus() + ")" : ""));
        }
    }

    /** Degraded as the chain's plan says now: another provider than its first, or a lower resolution. */
    private boolean degraded(ChainDefinition chain, ResolvedRequest request, ImageProvider provider,
            ProviderJob job) {
        Plan<ProviderImage> plan;
        try {
            plan = planner.plan(chain, request);
        } catch (GenerationRejectedException e) {
            // the chain as configured now cannot serve the request at all
            return true;
        }
        return plan.steps().stream()
                .filter(s -> s.provider().equals(provider.id()) && s.resolution() == job.resolution())
                .findFirst().map(plan::degraded).orElse(true);
    }

    private Duration since(Instant start) {
        return Duration.between(start, executor.clock().instant());
    }
}
