package vn.dvk.shared;

import jakarta.validation.MessageInterpolator;
import jakarta.validation.constraints.Size;
import jakarta.validation.spi.ConfigurationState;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The validator's messages write a length the way the rest of DVK writes numbers: "Tối đa 4.000 ký tự.", as the
 * services' own messages ({@code validation.maxLengthN}) and the pages' counters do, not "4000". Only the bounds of
 * {@link Size} are grouped; a year in a message ("2009–2100") stays as it is.
 */
@Configuration(proxyBeanMethods = false)
class ValidationMessagesConfig {

    @Bean
    ValidationConfigurationCustomizer groupedLengths() {
        return configuration -> {
            MessageInterpolator current =
                    configuration instanceof ConfigurationState state ? state.getMessageInterpolator() : null;
            configuration.messageInterpolator(
                    new GroupedLengths(current != null ? current : configuration.getDefaultMessageInterpolator()));
        };
    }

    /** Rewrites the bounds of a {@link Size} in an interpolated message with the locale's grouping. */
    static final class GroupedLengths implements MessageInterpolator {

        private static final Pattern NUMBER = Pattern.compile("(?<![\\d.,])\\d{4,}(?![\\d.,]\\d)");

        private final MessageInterpolator delegate;

        GroupedLengths(MessageInterpolator delegate) {
            this.delegate = delegate;
        }

        @Override
        public String interpolate(String template, Context context) {
            return group(delegate.interpolate(template, context), context, LocaleContextHolder.getLocale());
        }

        @Override
        public String interpolate(String template, Context context, Locale locale) {
            return group(delegate.interpolate(template, context, locale), context, locale);
        }

        static String group(String message, Context context, Locale locale) {
            if (message == null
                    || context.getConstraintDescriptor() == null
                    || !(context.getConstraintDescriptor().getAnnotation() instanceof Size)) {
                return message;
            }
            Map<String, Object> bounds = context.getConstraintDescriptor().getAttributes();
            NumberFormat format = NumberFormat.getIntegerInstance(locale);
            Matcher m = NUMBER.matcher(message);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String digits = m.group();
                boolean bound = digits.equals(String.valueOf(bounds.get("max")))
                        || digits.equals(String.valueOf(bounds.get("min")));
                m.appendReplacement(
                        out, Matcher.quoteReplacement(bound ? format.format(Long.parseLong(digits)) : digits));
            }
            m.appendTail(out);
            return out.toString();
        }
    }
}
