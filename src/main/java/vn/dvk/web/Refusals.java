package vn.dvk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;
import vn.dvk.shared.RequestId;

/**
 * A refusal that a filter answers itself, before the dispatcher has resolved the page's language: problem details
 * (RFC 9457) naming the header or field for the API, the error page with the message for pages.
 */
@Component
class Refusals {

    /** The request attribute that carries a refusal's message to the error page of a page. */
    static final String PROBLEM = "dvk.refusal.problem";

    private final MessageSource messages;
    private final JsonMapper json;
    private final LocaleResolver locales;

    Refusals(MessageSource messages, JsonMapper json, @Lazy LocaleResolver locales) {
        this.messages = messages;
        this.json = json;
        this.locales = locales;
    }

    /**
     * Answers {@code status} with the message {@code key} (in the request's language), naming {@code field} in the
     * problem's errors when it is not null, with {@code Retry-After} when {@code retryAfterSeconds} is not null.
     */
    void refuse(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String key,
            String field,
            Integer retryAfterSeconds)
            throws IOException {
        // the dispatcher has not resolved the page's language yet: the same resolver says it here
        Locale locale = locales.resolveLocale(request);
        String detail = messages.getMessage(key, null, key, locale);
        if (retryAfterSeconds != null) {
            response.setHeader("Retry-After", retryAfterSeconds.toString());
        }
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            request.setAttribute(PROBLEM, detail);
            response.sendError(status.value());
            return;
        }
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setTitle(messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(), locale));
        if (field != null) {
            pd.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        }
        RequestId.addTo(pd);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(pd));
    }
}
