package dev.framekit.framing.support;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Skips a test annotated {@link Needs} where the machine lacks one of the capabilities, with the reason. */
public final class NeedsCondition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        List<String> missing = new ArrayList<>();
        context.getElement().flatMap(element -> AnnotationSupport.findAnnotation(element, Needs.class))
                .ifPresent(needs -> {
                    for (Capability capability : needs.value()) {
                        if (capability.missing().isPresent()) {
                            missing.add(capability.reason());
                        }
                    }
                });
        return missing.isEmpty()
                ? ConditionEvaluationResult.enabled("has what it needs")
                : ConditionEvaluationResult.disabled(String.join("; ", missing));
    }
}
