package vn.dvk.campaign;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import vn.dvk.shared.Level;

/** A campaign as the API and the pages show it; {@code levels} highest first. */
public record CampaignView(
        Long id,
        String unitCode,
        String unitName,
        int year,
        String title,
        String documentNumber,
        LocalDate documentDate,
        LocalDate registrationOpens,
        LocalDate registrationCloses,
        List<Level> levels,
        boolean requireDossier,
        long version) {

    /** True on the days between opening and closing, both included. */
    public boolean openOn(LocalDate day) {
        return !day.isBefore(registrationOpens) && !day.isAfter(registrationCloses);
    }

    /** The days left to register, {@code day} and the closing day included (1 on the closing day). */
    public long daysLeft(LocalDate day) {
        return ChronoUnit.DAYS.between(day, registrationCloses) + 1;
    }
}
