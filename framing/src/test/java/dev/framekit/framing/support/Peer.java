package dev.framekit.framing.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/** Talks to an external program (python3, Twisted, websockets, curl, taskset): runs in {@code ./mvnw verify}, not in {@code ./mvnw test}. Say which with {@link Needs}. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(Tiers.PEER)
public @interface Peer {}
