package vn.dvk.shared;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalDate;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON reading rules. A date is text ({@code "2024-06-30"}): Jackson would otherwise read a number as a count of
 * days since 1970, so that {@code -2147483649} became the year 5877642 (found by the fuzz tests).
 */
@Configuration(proxyBeanMethods = false)
class JsonConfig {

    @Bean
    JsonMapperBuilderCustomizer datesAreText() {
        return builder -> builder.withConfigOverride(LocalDate.class,
                o -> o.setFormat(JsonFormat.Value.forLeniency(false)));
    }
}
