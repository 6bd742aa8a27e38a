package vn.dvk.web;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import vn.dvk.shared.Problems;

/**
 * Turns every failure of an API call into RFC 9457 problem details, with {@code errors: [{field, message}]}
 * for bad input. Only the server's own faults become 500, and they say nothing about internals.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    private final MessageSource messages;

    ApiProblemHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(Problems.Invalid.class)
    ResponseEntity<Object> invalid(Problems.Invalid ex) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (Problems.FieldError e : ex.errors()) {
            errors.add(Map.of("field", e.field(), "message", text(e.messageKey(), e.args())));
        }
        return problem(HttpStatus.BAD_REQUEST, text("problem.invalid"), errors);
    }

    @ExceptionHandler(Problems.NotFound.class)
    ResponseEntity<Object> notFound(Problems.NotFound ex) {
        String detail = text(ex.messageKey());
        return problem(
                HttpStatus.NOT_FOUND,
                detail,
                ex.field() == null ? null : List.of(Map.of("field", ex.field(), "message", detail)));
    }

    @ExceptionHandler(Problems.Conflict.class)
    ResponseEntity<Object> conflict(Problems.Conflict ex) {
        String detail = text(ex.messageKey(), ex.args());
        return problem(
                HttpStatus.CONFLICT,
                detail,
                ex.field() == null ? null : List.of(Map.of("field", ex.field(), "message", detail)));
    }

    @ExceptionHandler(Problems.Forbidden.class)
    ResponseEntity<Object> forbidden(Problems.Forbidden ex) {
        return problem(HttpStatus.FORBIDDEN, text(ex.messageKey()), null);
    }

    @ExceptionHandler(Problems.TooMany.class)
    ResponseEntity<Object> tooMany(Problems.TooMany ex) {
        ResponseEntity<Object> answer = problem(HttpStatus.TOO_MANY_REQUESTS, text(ex.messageKey()), null);
        return ResponseEntity.status(answer.getStatusCode())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
                .body(answer.getBody());
    }

    @ExceptionHandler(Problems.Unavailable.class)
    ResponseEntity<Object> unavailable(Problems.Unavailable ex) {
        log.warn("Service unavailable: {}", ex.getMessage());
        ResponseEntity<Object> answer = problem(HttpStatus.SERVICE_UNAVAILABLE, text(ex.messageKey()), null);
        return ResponseEntity.status(answer.getStatusCode())
                .header(HttpHeaders.RETRY_AFTER, "60")
                .body(answer.getBody());
    }

    @ExceptionHandler({ConcurrencyFailureException.class, OptimisticLockException.class})
    ResponseEntity<Object> stale(RuntimeException ex) {
        return problem(HttpStatus.CONFLICT, text("problem.concurrentChange"), null);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException ex) {
        log.info(
                "Refused by a database constraint: {}",
                ex.getMostSpecificCause().getClass().getSimpleName());
        return problem(HttpStatus.CONFLICT, text("problem.duplicate"), null);
    }

    /** Method validation of a {@code @Validated} controller (rather than Spring MVC's own) ends here. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : ex.getConstraintViolations()) {
            String field = null;
            for (Path.Node node : v.getPropertyPath()) {
                field = node.getName();
            }
            errors.add(Map.of(
                    "field",
                    field == null ? "body" : field,
                    "message",
                    v.getMessage() == null ? text("validation.badValue") : v.getMessage()));
        }
        return problem(HttpStatus.BAD_REQUEST, text("problem.invalid"), errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return problem(
                HttpStatus.BAD_REQUEST,
                text("problem.invalid"),
                List.of(Map.of("field", ex.getName(), "message", text("validation.badValue"))));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        log.error("Unexpected failure of an API call", ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, text("problem.internal"), null);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getBindingResult()
                .getFieldErrors()
                .forEach(fe -> errors.add(Map.of(
                        "field",
                        fe.getField(),
                        "message",
                        fe.getDefaultMessage() == null ? text("validation.badValue") : fe.getDefaultMessage())));
        ex.getBindingResult()
                .getGlobalErrors()
                .forEach(ge -> errors.add(Map.of(
                        "field",
                        ge.getObjectName(),
                        "message",
                        ge.getDefaultMessage() == null ? text("validation.badValue") : ge.getDefaultMessage())));
        return problem(HttpStatus.BAD_REQUEST, text("problem.invalid"), errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getParameterValidationResults()
                .forEach(r -> r.getResolvableErrors()
                        .forEach(e -> errors.add(Map.of(
                                "field",
                                        r.getMethodParameter().getParameterName() == null
                                                ? "?"
                                                : r.getMethodParameter().getParameterName(),
                                "message",
                                        e.getDefaultMessage() == null
                                                ? text("validation.badValue")
                                                : e.getDefaultMessage()))));
        return problem(HttpStatus.BAD_REQUEST, text("problem.invalid"), errors);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return problem(
                HttpStatus.BAD_REQUEST,
                text("problem.invalid"),
                List.of(Map.of("field", ex.getParameterName(), "message", text("validation.required"))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        for (Throwable t = ex.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            // the outermost mapping error knows the field; its own cause (e.g. a date parse) does not
            if (t instanceof DatabindException de
                    && !(t instanceof StreamReadException)
                    && !de.getPath().isEmpty()) {
                String field = fieldPath(de.getPath());
                return problem(
                        HttpStatus.BAD_REQUEST,
                        text("problem.invalid"),
                        List.of(Map.of("field", field, "message", text("validation.badValue"))));
            }
        }
        if (cause instanceof JacksonException || cause == ex) {
            return problem(HttpStatus.BAD_REQUEST, text("problem.malformedJson"), null);
        }
        return problem(HttpStatus.BAD_REQUEST, text("problem.malformedJson"), null);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail pd && pd.getDetail() == null) {
            pd.setDetail(ex.getMessage());
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private static String fieldPath(List<JacksonException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : path) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    private ResponseEntity<Object> problem(HttpStatus status, String detail, List<Map<String, String>> errors) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setTitle(text("problem.title." + status.value()));
        if (errors != null) {
            pd.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).body(pd);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
