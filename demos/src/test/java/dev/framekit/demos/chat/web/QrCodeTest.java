package dev.framekit.demos.chat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.framekit.demos.console.Console;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The banner's QR code, read back from its half blocks by ZXing's decoder, as a phone's camera would. */
class QrCodeTest {
    private static final int SCALE = 4;

    @ParameterizedTest
    @ValueSource(strings = {"http://192.168.1.20:8080/", "http://10.0.0.7:45615/", "http://[fd00:0:0:0:0:0:0:2]:45615/"})
    void theDrawnCodeDecodesBackToTheUrl(String url) throws Exception {
        List<String> drawn = QrCode.draw(url);
        assertEquals(url, decode(drawn));
    }

    @Test
    void drawingUsesHalfBlocksOnly() {
        for (String line : QrCode.draw("http://192.168.1.20:8080/")) {
            assertTrue(line.matches("[ ▀▄█]+"), line);
        }
    }

    @Test
    void noQrPrintsTheUrlAlone() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WebBanner.print(new Console(new PrintStream(bytes, true, StandardCharsets.UTF_8)), "127.0.0.1", 8080, false);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("from a phone's browser: http://127.0.0.1:8080/"), text);
        assertFalse(text.contains("█"), text);
    }

    @Test
    void oneQrCodeForTheMostLikelyAddressAndTheOthersOnOneLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WebBanner.print(new Console(new PrintStream(bytes, true, StandardCharsets.UTF_8)),
                List.of("192.168.1.20", "172.17.0.1", "fd00::2"), 8081, true);
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("  from a phone's browser: http://192.168.1.20:8081/", lines.get(0));
        List<String> code = lines.stream().filter(l -> l.startsWith("    ")).map(l -> l.substring(4)).toList();
        assertEquals(QrCode.draw("http://192.168.1.20:8081/").size(), code.size(), "one QR code: " + lines);
        assertEquals("http://192.168.1.20:8081/", decode(code));
        assertEquals("  or at this machine's other addresses: http://172.17.0.1:8081/, http://[fd00::2]:8081/",
                lines.get(lines.size() - 1));
    }

    /** Reads half-block text back into pixels (a block is light, a space dark) and decodes them. */
    static String decode(List<String> drawn) throws Exception {
        int width = drawn.get(0).length();
        int height = drawn.size() * 2;
        int[] pixels = new int[width * SCALE * height * SCALE];
        for (int row = 0; row < drawn.size(); row++) {
            String line = drawn.get(row);
            for (int x = 0; x < width; x++) {
                char c = line.charAt(x);
                boolean topLight = c == '█' || c == '▀';
                boolean bottomLight = c == '█' || c == '▄';
                paint(pixels, width * SCALE, x, row * 2, topLight);
                paint(pixels, width * SCALE, x, row * 2 + 1, bottomLight);
            }
        }
        RGBLuminanceSource source = new RGBLuminanceSource(width * SCALE, height * SCALE, pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }

    private static void paint(int[] pixels, int stride, int x, int y, boolean light) {
        int color = light ? 0xffffffff : 0xff000000;
        for (int dy = 0; dy < SCALE; dy++) {
            for (int dx = 0; dx < SCALE; dx++) {
                pixels[(y * SCALE + dy) * stride + x * SCALE + dx] = color;
            }
        }
    }
}
