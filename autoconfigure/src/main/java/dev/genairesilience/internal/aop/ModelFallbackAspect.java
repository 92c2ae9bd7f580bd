package dev.genairesilience.internal.aop;

import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.ModelFallback;
import dev.genairesilience.chain.ChainExecutor;
import dev.genairesilience.chain.StepCall;
import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.springframework.aop.framework.AopProxyUtils;

/**
 * Behind {@link ModelFallback @ModelFallback}: the body runs once per attempt with the model to call, through
 * the chain engine, so its exceptions are classified, retried, counted by a breaker per model and fallen over.
 * They reach the engine as thrown, checked ones included, so classification sees the SDK's own types.
 */
@Aspect
public class ModelFallbackAspect {

    private final ChainExecutor executor;
    private final ModelFallbackPlans plans;
    private final Map<Method, ModelFallbackMethod> methods = new ConcurrentHashMap<>();

    public ModelFallbackAspect(ChainExecutor executor, ModelFallbackPlans plans) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.plans = Objects.requireNonNull(plans, "plans");
    }

    /** Runs one call of an annotated method through the engine. */
    @Around("@annotation(annotation)")
    public Object invoke(ProceedingJoinPoint pjp, ModelFallback annotation) throws Throwable {
        Object target = pjp.getTarget();
        ModelFallbackMethod method = methods.computeIfAbsent(AdvisedMethods.of(pjp),
                m -> ModelFallbackMethod.of(m, annotation, AopProxyUtils.ultimateTargetClass(target)));
        Object[] args = pjp.getArgs();
        StepCall<Object> call = attempt -> proceed(pjp, method.withAttempt(args, attempt));
        try {
            return executor.execute(plans.plan(method, call)).value();
        } catch (GenerationUnavailableException unavailable) {
            return method.fallBack(target, args, unavailable);
        }
    }

    private static Object proceed(ProceedingJoinPoint pjp, Object[] args) throws Exception {
        try {
            return pjp.proceed(args);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable other) {
            throw new UndeclaredThrowableException(other);
        }
    }
}
