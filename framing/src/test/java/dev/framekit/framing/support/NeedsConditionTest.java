package dev.framekit.framing.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Probes only by looking for files, so the unit loop starts no program. */
class NeedsConditionTest {
    @Needs(Capability.CURL)
    static final class NeedsCurl {}

    static final class NeedsNothing {}

    @Test
    void aTestThatNeedsNothingRuns() {
        assertFalse(evaluate(NeedsNothing.class).isDisabled());
    }

    @Test
    void aTestIsSkippedExactlyWhereWhatItNeedsIsMissingAndTheReasonSaysWhatToInstall() {
        ConditionEvaluationResult result = evaluate(NeedsCurl.class);

        Optional<String> missing = Capability.CURL.missing();
        assertEquals(missing.isPresent(), result.isDisabled());
        if (missing.isPresent()) {
            assertEquals(Optional.of(Capability.CURL.reason()), result.getReason());
        }
    }

    @Test
    void theReasonNamesTheCapabilityWhatIsMissingAndTheDebianPackage() {
        String reason = Capability.CURL.reason();

        assertTrue(reason.startsWith("needs curl: "), reason);
        assertTrue(reason.endsWith("(install the Debian package curl; .ci/install-peers does)"), reason);
    }

    private static ConditionEvaluationResult evaluate(AnnotatedElement element) {
        ExtensionContext context = mock(ExtensionContext.class);
        when(context.getElement()).thenReturn(Optional.of(element));
        return new NeedsCondition().evaluateExecutionCondition(context);
    }
}
