package vn.dvk.notice;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When the outbox is delivered: every {@code dvk.notice.send-delay} the single messages, at {@code dvk.notice.digest-cron}
 * (Vietnam time) the digests; each pass under a ShedLock lock, so that one node works at a time (the claims of
 * {@link OutboxSender} keep a message from being sent twice even without it). Only with {@code spring.mail.host}.
 */
@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
class OutboxSchedule {

    /** Names of the jobs in {@code shedlock}. */
    static final String NAME = "notice-outbox";

    static final String DIGEST_NAME = "notice-digest";

    private final OutboxSender sender;

    OutboxSchedule(OutboxSender sender) {
        this.sender = sender;
    }

    @Scheduled(
            fixedDelayString = "${dvk.notice.send-delay:PT30S}",
            initialDelayString = "${dvk.notice.send-delay:PT30S}")
    @SchedulerLock(name = NAME, lockAtMostFor = "PT10M")
    public void deliver() {
        sender.deliver();
    }

    @Scheduled(cron = "${dvk.notice.digest-cron:0 0 7 * * *}", zone = "Asia/Ho_Chi_Minh")
    @SchedulerLock(name = DIGEST_NAME, lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    public void digests() {
        sender.deliverDigests();
    }
}
