/**
 * The framekit library: the {@link dev.framekit.framing.Framer} API, the framers and the
 * blocking stream layer in {@code dev.framekit.framing}; the WebSocket opening handshake and
 * connection (over the WebSocket framer) in {@code dev.framekit.framing.websocket}.
 *
 * <p>Netty's buffer module is required transitively: {@code ByteBuf} appears in the API, so a
 * module that reads this one reads {@code io.netty.buffer} too. ({@code io.netty.common},
 * which netty-buffer itself requires, is only used inside the framers.)
 */
module dev.framekit.framing {
    // A new API package (say dev.framekit.framing.netty or dev.framekit.framing.testing) must be
    // exported here too, or callers on the module path cannot see it; packages left out stay
    // internal. ArtifactsIT checks the exported set.
    requires transitive io.netty.buffer;
    requires io.netty.common; // ByteProcessor, for scans inside the framers

    exports dev.framekit.framing;
    exports dev.framekit.framing.websocket; // the WebSocket handshake and connection, over the framer
}
