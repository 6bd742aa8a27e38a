package vn.dvk.shared;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalDate;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON reading rules, stricter than Jackson's defaults where the fuzz tests found them too lenient. A date is text
 * ({@code "2024-06-30"}): Jackson would otherwise read a number as a count of days since 1970, so that
 * {@code -2147483649} became the year 5877642. A yes/no is {@code true} or {@code false}: Jackson would otherwise
 * read any number but 0 as {@code true}.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfig {

    @Bean
    JsonMapperBuilderCustomizer datesAreText() {
        return builder -> builder
                .withConfigOverride(LocalDate.class, o -> o.setFormat(JsonFormat.Value.forLeniency(false)))
                .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
    }
}
