package vn.dvk.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dvk.shared.Actor;

/** {@code /api/v1/users}: administrators manage the users of their subtree; {@code /me} for everyone. */
@RestController
@RequestMapping("/api/v1/users")
class UserApiController {

    private final Accounts accounts;

    UserApiController(Accounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping
    ResponseEntity<Accounts.UserSummary> create(
            @AuthenticationPrincipal Actor actor, @Valid @RequestBody NewUser request) {
        Accounts.UserSummary user = accounts.create(actor, request);
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(user);
    }

    @GetMapping
    PagedModel<Accounts.UserSummary> list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        UserPolicy.requireManager(actor);
        return new PagedModel<>(accounts.list(actor, PageRequest.of(page, size)));
    }

    @GetMapping("/me")
    Actor me(@AuthenticationPrincipal Actor actor) {
        return actor;
    }

    @PostMapping("/{id}/disable")
    ResponseEntity<Void> disable(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        accounts.disable(actor, id);
        return ResponseEntity.noContent().build();
    }
}
