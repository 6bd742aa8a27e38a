package vn.dvk.shared;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the whole application, so that time can be fixed in tests. Its zone is Vietnam's, whatever the
 * server's: "today" (a report's date, a deadline, a year) is the date in Vietnam, also between 17:00 and 24:00 UTC.
 * A {@link BusinessClock}, so that the demo world can record its past events at their own dates.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfig {

    @Bean
    BusinessClock clock() {
        return new BusinessClock(Clock.system(Fmt.ZONE));
    }
}
