package vn.dvk.recognition.replication;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.dvk.shared.Actor;

/** Replication marks and the spread tree of a model. */
@RestController
@RequestMapping("/api/v1/models/{id}")
class ReplicationApiController {

    private final Replication replication;

    ReplicationApiController(Replication replication) {
        this.replication = replication;
    }

    @PostMapping("/replication-marks")
    ResponseEntity<Replication.Mark> mark(
            @AuthenticationPrincipal Actor actor, @PathVariable Long id, @Valid @RequestBody MarkRequest request) {
        Replication.Mark m = replication.mark(actor, id, request.level(), request.year(), request.reason());
        return ResponseEntity.created(URI.create("/api/v1/models/" + id + "/replication-marks"))
                .body(m);
    }

    @GetMapping("/replication-marks")
    List<Replication.Mark> marks(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return replication.marksOf(actor, id);
    }

    @GetMapping("/replicas")
    List<Replication.Replica> replicas(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return replication.spread(actor, id);
    }
}
