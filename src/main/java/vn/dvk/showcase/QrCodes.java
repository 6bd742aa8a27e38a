package vn.dvk.showcase;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.EncodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * QR codes (ZXing) of public addresses, as PNG: error correction M, a quiet zone of 2 modules.
 *
 * <p>Every code is read back with ZXing's ordinary detector before it is served. About one address in 200 comes out,
 * under the mask pattern the encoder prefers, with a pattern that this detector (the one camera readers build on)
 * mistakes for a finder and then cannot read; such a code is encoded again under the next of the eight masks the
 * standard allows until it reads.
 */
final class QrCodes {

    private static final int MASKS = 8;

    private QrCodes() {}

    /** A square PNG of {@code size} pixels that reads as {@code text}. */
    static byte[] png(String text, int size) {
        try {
            BitMatrix matrix = matrix(text, size, null);
            for (int mask = 0; mask < MASKS && !reads(matrix, text); mask++) {
                matrix = matrix(text, size, mask);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalArgumentException("no QR code for " + text, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The code's modules under the encoder's preferred mask ({@code mask} null) or under the one given. */
    private static BitMatrix matrix(String text, int size, Integer mask) throws WriterException {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 2);
        hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        if (mask != null) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
        }
        return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, hints);
    }

    /** Whether ZXing's ordinary detector, given the image, reads {@code text} back. */
    private static boolean reads(BitMatrix matrix, String text) {
        try {
            return text.equals(new QRCodeReader()
                    .decode(new BinaryBitmap(new HybridBinarizer(
                            new BufferedImageLuminanceSource(MatrixToImageWriter.toBufferedImage(matrix)))))
                    .getText());
        } catch (ReaderException e) {
            return false;
        }
    }
}
