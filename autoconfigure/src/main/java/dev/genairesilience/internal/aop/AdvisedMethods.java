package dev.genairesilience.internal.aop;

import java.lang.reflect.Method;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.reflect.MethodSignature;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.support.AopUtils;

/** Finds the method an advice runs for on the bean's own class, where the annotations are declared. */
final class AdvisedMethods {

    private AdvisedMethods() {
    }

    static Method of(ProceedingJoinPoint pjp) {
        Method method = ((MethodSignature) pjp.getSignature()).getMethod();
        Object target = pjp.getTarget();
        return target == null ? method
                : AopUtils.getMostSpecificMethod(method, AopProxyUtils.ultimateTargetClass(target));
    }
}
