package vn.dvk.showcase;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The QR codes of public addresses read back with ZXing's ordinary detector, whatever the model's number. */
class QrCodesTests {

    @Test
    void everyPublicAddressOfTheFirst400ModelsReadsBack() throws IOException {
        // given the public addresses of models 1 to 400; under the encoder's preferred mask, models 132, 256, 258 and
        // 286 gave codes the ordinary detector could not find (NotFoundException)
        List<String> unread = new ArrayList<>();
        for (int id = 1; id <= 400; id++) {
            String address = "http://localhost:8080/cong-khai/mo-hinh/" + id;

            // when each code is served at the API's size and read back from its PNG
            String read = read(QrCodes.png(address, ShowcaseApiController.QR_SIZE));

            // then it reads as its address
            if (!address.equals(read)) {
                unread.add(address + " read as " + read);
            }
        }
        assertThat(unread).isEmpty();
    }

    private static String read(byte[] png) throws IOException {
        try {
            return new QRCodeReader()
                    .decode(new BinaryBitmap(new HybridBinarizer(
                            new BufferedImageLuminanceSource(ImageIO.read(new ByteArrayInputStream(png))))))
                    .getText();
        } catch (NotFoundException e) {
            return "nothing (not found)";
        } catch (ReaderException e) {
            return "nothing (" + e.getClass().getSimpleName() + ")";
        }
    }
}
