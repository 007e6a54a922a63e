package dev.framekit.demos.compare.measure;

/**
 * What a framing can and cannot do, stated rather than measured.
 *
 * @param binarySafe whether any bytes can be carried
 * @param persistent whether one connection carries many messages
 * @param largestMessage the largest message accepted as configured, in words
 * @param cannotCarry what it refuses, or "-" for nothing
 */
public record Qualities(boolean binarySafe, boolean persistent, String largestMessage, String cannotCarry) {}
