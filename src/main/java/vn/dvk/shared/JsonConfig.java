package vn.dvk.shared;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON reading rules, stricter than Jackson's defaults where the fuzz tests found them too lenient. A date is text
 * ({@code "2024-06-30"}): Jackson would otherwise read a number as a count of days since 1970, so that
 * {@code -2147483649} became the year 5877642; and its year lies between {@value #FIRST_YEAR} and
 * {@value #LAST_YEAR} ({@code "-999999999-01-01"} was taken, and stored as the year 169087565). A yes/no is
 * {@code true} or {@code false}: Jackson would otherwise read any number but 0 as {@code true}, and a blank or
 * {@code "null"} text as no value (then the default). A choice is its name
 * ({@code "NEW"}), not its position ({@code 0}); a whole number is whole ({@code 2024.5} was read as 2024).
 */
@Configuration(proxyBeanMethods = false)
class JsonConfig {

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2199;

    @Bean
    JsonMapperBuilderCustomizer datesAreText() {
        return builder -> builder.withConfigOverride(
                        LocalDate.class, o -> o.setFormat(JsonFormat.Value.forLeniency(false)))
                .withCoercionConfig(
                        LogicalType.Boolean,
                        c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .addModule(new SimpleModule("dvk-dates").addDeserializer(LocalDate.class, new BoundedDates()));
    }

    /** An ISO date as text, of a year DVK can hold; blank is no date. */
    static final class BoundedDates extends StdDeserializer<LocalDate> {

        BoundedDates() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getString().trim();
            if (text.isEmpty()) {
                return null;
            }
            try {
                LocalDate date = LocalDate.parse(text);
                if (date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR) {
                    return date;
                }
            } catch (DateTimeParseException notADate) {
                // refused below, like a date out of range
            }
            return (LocalDate) ctxt.handleWeirdStringValue(
                    LocalDate.class,
                    text,
                    "not a date of the years " + FIRST_YEAR + " to " + LAST_YEAR + " as yyyy-MM-dd");
        }
    }
}
