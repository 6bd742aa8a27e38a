package vn.dvk.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/auth/token}: exchange a username and password for an expiring bearer token, or revoke it. */
@RestController
@RequestMapping("/api/v1/auth/token")
class AuthApiController {

    private final Accounts accounts;
    private final MessageSource messages;

    AuthApiController(Accounts accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    /** Credentials for a token. */
    record TokenRequest(
            @NotBlank(message = "{validation.required}") @Size(max = 64, message = "{validation.maxLength}")
            String username,

            @NotBlank(message = "{validation.required}") @Size(max = 128, message = "{validation.maxLength}")
            String password) {}

    /** A bearer token and when it stops working. */
    record TokenResponse(String token, Instant expiresAt) {}

    @PostMapping
    ResponseEntity<?> issue(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        try {
            CurrentUser user = accounts.authenticate(
                    request.username(), request.password(), http.getRemoteAddr(), Accounts.Channel.API);
            Accounts.IssuedToken token = accounts.issueToken(user);
            return ResponseEntity.ok(new TokenResponse(token.token(), token.expiresAt()));
        } catch (SignInRefused refused) {
            HttpStatus status = refused.throttled() ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.UNAUTHORIZED;
            String key = refused.throttled() ? "signin.throttled" : "signin.failed";
            ProblemDetail pd = ProblemDetail.forStatusAndDetail(
                    status,
                    messages.getMessage(
                            key, new Object[] {refused.retryAfterSeconds()}, key, LocaleContextHolder.getLocale()));
            pd.setTitle(messages.getMessage(
                    "problem.title." + status.value(),
                    null,
                    status.getReasonPhrase(),
                    LocaleContextHolder.getLocale()));
            ResponseEntity.BodyBuilder builder = ResponseEntity.status(status);
            if (refused.throttled()) {
                builder.header(HttpHeaders.RETRY_AFTER, String.valueOf(refused.retryAfterSeconds()));
            }
            return builder.body(pd);
        }
    }

    @DeleteMapping
    ResponseEntity<Void> revoke(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, HttpServletRequest http) {
        accounts.revokeToken(
                authorization.substring(Math.min(7, authorization.length())).trim(), http.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }
}
