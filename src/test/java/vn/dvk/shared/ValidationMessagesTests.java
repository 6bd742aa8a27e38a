package vn.dvk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** {@link ValidationMessagesConfig.GroupedLengths}: a length's bound grouped as the locale writes numbers, a year not. */
class ValidationMessagesTests {

    record Note(
            @Size(max = Limits.TEXT, message = "Tối đa {max} ký tự.")
            String text,

            @Size(min = 2, max = 10, message = "Từ {min} đến {max} ký tự.")
            String code,

            @Min(value = 2009, message = "Năm từ {value}.") int year) {}

    private final ValidatorFactory factory = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ValidationMessagesConfig.GroupedLengths(
                    Validation.byDefaultProvider().configure().getDefaultMessageInterpolator()))
            .buildValidatorFactory();

    @AfterEach
    void close() {
        factory.close();
        LocaleContextHolder.resetLocaleContext();
    }

    private Map<String, String> messages(Locale locale, Note note) {
        LocaleContextHolder.setLocale(locale);
        Validator validator = factory.getValidator();
        Map<String, String> out = new TreeMap<>();
        for (ConstraintViolation<Note> v : validator.validate(note)) {
            out.put(v.getPropertyPath().toString(), v.getMessage());
        }
        return out;
    }

    @Test
    void aLengthIsGroupedTheVietnameseWayAndAYearIsLeftAlone() {
        Map<String, String> vi = messages(Locale.forLanguageTag("vi"), new Note("x".repeat(4001), "x", 1990));

        assertThat(vi)
                .containsEntry("text", "Tối đa 4.000 ký tự.")
                .containsEntry("code", "Từ 2 đến 10 ký tự.")
                .containsEntry("year", "Năm từ 2009.");
        assertThat(messages(Locale.ENGLISH, new Note("x".repeat(4001), "abc", 2024)))
                .containsOnlyKeys("text")
                .containsEntry("text", "Tối đa 4,000 ký tự.");
    }
}
