package vn.dvk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class TextFoldingTests {

    @Test
    void vietnameseFoldsToPlainLowerCaseLetters() {
        assertThat(TextFolding.fold("Dân vận khéo")).isEqualTo("dan van kheo");
        assertThat(TextFolding.fold("ĐỒNG THUẬN  của   Nhân dân")).isEqualTo("dong thuan cua nhan dan");
        assertThat(TextFolding.fold("đ")).isEqualTo("d");
        assertThat(TextFolding.fold(null)).isEmpty();
    }

    @Test
    void composedAndDecomposedFormsFoldAlike() {
        String composed = "Hưng Lễ";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        assertThat(TextFolding.fold(decomposed))
                .isEqualTo(TextFolding.fold(composed))
                .isEqualTo("hung le");
    }
}
