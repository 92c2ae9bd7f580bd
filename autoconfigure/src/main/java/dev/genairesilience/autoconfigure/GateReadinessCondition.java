package dev.genairesilience.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * {@code genai.warmup.gate-readiness} when set; unset, whether Spring Boot Actuator is on the class path, since its
 * readiness probe is what holds traffic back.
 */
final class GateReadinessCondition extends SpringBootCondition {

    private static final String PROPERTY = "genai.warmup.gate-readiness";
    private static final String ACTUATOR =
            "org.springframework.boot.actuate.availability.ReadinessStateHealthIndicator";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Boolean configured = context.getEnvironment().getProperty(PROPERTY, Boolean.class);
        if (configured != null) {
            return new ConditionOutcome(configured, PROPERTY + "=" + configured);
        }
        boolean actuator = ClassUtils.isPresent(ACTUATOR, context.getClassLoader());
        return new ConditionOutcome(actuator, PROPERTY + " unset and Actuator " + (actuator ? "present" : "absent"));
    }
}
