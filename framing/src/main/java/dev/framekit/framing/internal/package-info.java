/**
 * Helpers the library's packages share and nobody else should call: the frame limits and their
 * checks ({@link dev.framekit.framing.internal.FrameLimits}), capped hex previews for error
 * messages ({@link dev.framekit.framing.internal.HexPreview}), strict UTF-8 validation
 * ({@link dev.framekit.framing.internal.StrictUtf8}) and quiet closing
 * ({@link dev.framekit.framing.internal.Closeables}). The module does not export this package; on
 * the class path it is public only because Java packages cannot share package-private code.
 */
package dev.framekit.framing.internal;
