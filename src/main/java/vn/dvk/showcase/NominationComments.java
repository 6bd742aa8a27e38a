package vn.dvk.showcase;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.recognition.round.PublicComments;

/** Comments of anyone on a nominee open for comment, each counted against its sender's address. */
@Service
class NominationComments {

    private final PublicComments comments;
    private final PublicThrottle throttle;

    NominationComments(PublicComments comments, PublicThrottle throttle) {
        this.comments = comments;
        this.throttle = throttle;
    }

    @Transactional
    void send(Long proposalId, String text, String name, String contact, String address) {
        comments.comment(proposalId, text, name, contact);
        throttle.count("c", address);
    }
}
