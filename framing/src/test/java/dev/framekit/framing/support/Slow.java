package dev.framekit.framing.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/** Takes seconds, or waits on a timing window a busy machine can miss: runs in {@code ./mvnw verify}, not in {@code ./mvnw test}. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(Tiers.SLOW)
public @interface Slow {}
