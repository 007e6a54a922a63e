package dev.framekit.demos.chat.web;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A QR code drawn in a terminal with Unicode half blocks ({@code ▀ ▄ █}): each character is two
 * modules, one above the other. Encoded with ZXing. The code is drawn light on the terminal's
 * dark background: a light module is a block, a dark one a space, with a quiet zone of light
 * modules around it, so a phone's camera sees dark modules on light as QR codes are printed.
 */
public final class QrCode {
    /** Modules of quiet zone around the code. */
    static final int QUIET_ZONE = 2;

    private QrCode() {}

    /**
     * Encodes {@code text} at the smallest size (one matrix bit per module, quiet zone included).
     *
     * @param text what the code says, e.g. {@code http://192.168.1.20:8080/}
     * @return the matrix; a set bit is a dark module
     */
    public static BitMatrix encode(String text) {
        try {
            return new QRCodeWriter().encode(text, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, QUIET_ZONE, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.L));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot draw a QR code of " + text.length() + " characters: " + e.getMessage(), e);
        }
    }

    /**
     * Draws {@code text}'s code as lines of half blocks.
     *
     * @param text what the code says
     * @return the lines, top to bottom
     */
    public static List<String> draw(String text) {
        return draw(encode(text));
    }

    /** Draws a matrix as lines of half blocks; a row below the last counts as light (quiet zone). */
    static List<String> draw(BitMatrix matrix) {
        List<String> lines = new ArrayList<>();
        for (int y = 0; y < matrix.getHeight(); y += 2) {
            StringBuilder line = new StringBuilder(matrix.getWidth());
            for (int x = 0; x < matrix.getWidth(); x++) {
                boolean topLight = !matrix.get(x, y);
                boolean bottomLight = y + 1 >= matrix.getHeight() || !matrix.get(x, y + 1);
                line.append(topLight ? (bottomLight ? '█' : '▀') : (bottomLight ? '▄' : ' '));
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
