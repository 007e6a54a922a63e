package dev.framekit.framing.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a test class or method needs from the machine. Where one of them is missing the test is
 * skipped, never failed, and the report gives the reason and the package to install:
 *
 * <pre>{@code
 * @Peer
 * @Needs(Capability.PYTHON3_TWISTED)
 * class TwistedInteropTest { ... }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(NeedsCondition.class)
public @interface Needs {
    /** Every capability the test needs. */
    Capability[] value();
}
