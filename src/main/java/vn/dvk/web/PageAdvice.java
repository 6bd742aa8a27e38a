package vn.dvk.web;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Limits;
import vn.dvk.shared.Problems;

/** For every page: the signed-in user as {@code me}, the free-text limit as {@code textMax}, and error pages for what the user may not see or do. */
@ControllerAdvice(annotations = Controller.class)
class PageAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageAdvice.class);
    static final String ERROR_VIEW = "error/problem";

    @ModelAttribute("me")
    Actor me(@AuthenticationPrincipal Actor actor) {
        return actor;
    }

    /** The longest free text a form takes ({@code th:maxlength="${textMax}"}), the request records' own limit. */
    @ModelAttribute("textMax")
    int textMax() {
        return Limits.TEXT;
    }

    /**
     * An error page's status, and its user: an exception handler's model does not get the model attributes above,
     * and without {@code me} the page lost its menu, the user's name and the way back (issue 18, point 11).
     */
    private static void status(Model model, HttpServletResponse response, int status) {
        response.setStatus(status);
        model.addAttribute("status", status);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Actor actor) {
            model.addAttribute("me", actor);
        }
    }

    @ExceptionHandler({Problems.NotFound.class, MethodArgumentTypeMismatchException.class})
    String notFound(Exception ex, Model model, HttpServletResponse response) {
        status(model, response, 404);
        model.addAttribute("messageKey", ex instanceof Problems.NotFound nf ? nf.messageKey() : "page.notFound");
        return ERROR_VIEW;
    }

    @ExceptionHandler(Problems.Forbidden.class)
    String forbidden(Problems.Forbidden ex, Model model, HttpServletResponse response) {
        log.warn("Refused access: {}", ex.messageKey());
        status(model, response, 403);
        model.addAttribute("messageKey", ex.messageKey());
        return ERROR_VIEW;
    }

    /** Bad input a page did not handle itself (e.g. a {@code unit=} outside the subtree): 400, never 500. */
    @ExceptionHandler(Problems.Invalid.class)
    String invalid(Problems.Invalid ex, Model model, HttpServletResponse response) {
        status(model, response, 400);
        Problems.FieldError first = ex.errors().isEmpty() ? null : ex.errors().get(0);
        model.addAttribute("messageKey", first == null ? "problem.title.400" : first.messageKey());
        model.addAttribute("messageArgs", first == null || first.args().length == 0 ? null : first.args());
        model.addAttribute("field", first == null ? null : first.field());
        return ERROR_VIEW;
    }

    @ExceptionHandler(Problems.Conflict.class)
    String conflict(Problems.Conflict ex, Model model, HttpServletResponse response) {
        status(model, response, 409);
        model.addAttribute("messageKey", ex.messageKey());
        model.addAttribute("messageArgs", ex.args());
        return ERROR_VIEW;
    }

    /** Too many requests from one client (the public forms): 429 with {@code Retry-After} and a page saying so. */
    @ExceptionHandler(Problems.TooMany.class)
    String tooMany(Problems.TooMany ex, Model model, HttpServletResponse response) {
        status(model, response, 429);
        response.setHeader("Retry-After", String.valueOf(ex.retryAfterSeconds()));
        model.addAttribute("messageKey", ex.messageKey());
        return ERROR_VIEW;
    }

    /** A service the page needs (the file storage) is down: 503 with a page asking to try again later. */
    @ExceptionHandler(Problems.Unavailable.class)
    String unavailable(Problems.Unavailable ex, Model model, HttpServletResponse response) {
        log.warn("Service unavailable: {}", ex.getMessage());
        status(model, response, 503);
        response.setHeader("Retry-After", "60");
        model.addAttribute("messageKey", ex.messageKey());
        return ERROR_VIEW;
    }
}
