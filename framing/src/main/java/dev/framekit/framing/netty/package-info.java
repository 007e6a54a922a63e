/**
 * framekit framers inside a Netty pipeline: {@link dev.framekit.framing.netty.FramerDecoder} (a
 * {@code ByteToMessageDecoder}) and {@link dev.framekit.framing.netty.FramerEncoder} (a
 * {@code MessageToByteEncoder}) run any {@link dev.framekit.framing.Framer}, framekit's own or
 * yours.
 *
 * <pre>{@code
 * Framer lines = Framers.lines().withMaxFrameLength(8192);
 * bootstrap.childHandler(new ChannelInitializer<SocketChannel>() {
 *     protected void initChannel(SocketChannel ch) {
 *         ch.pipeline().addLast(new FramerDecoder(lines), new FramerEncoder(lines), new MyHandler());
 *     }
 * });
 * // MyHandler gets one ByteBuf per frame (and releases it); ctx.writeAndFlush(payload) frames a reply.
 * }</pre>
 *
 * <p>This package needs {@code io.netty:netty-codec-base} and {@code io.netty:netty-transport} on
 * the class path; framekit declares them optional, so add them to your build if you use it (a
 * Netty application has them already). The rest of framekit needs only {@code netty-buffer}.
 */
package dev.framekit.framing.netty;
