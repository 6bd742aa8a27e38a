package vn.dvk.web;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;
import vn.dvk.shared.RequestId;

/**
 * The answers of Spring Boot's error controller (e.g. a path no controller serves, a method a path does not take)
 * carry the request's id as {@code requestId}, as the problem details do, and a refusal a filter
 * answered itself (a page form's refused {@code Idempotency-Key}, a server too busy) its message as {@code problem}.
 */
@Component
class RequestIdErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        String id = RequestId.current();
        if (id != null) {
            attributes.put(RequestId.KEY, id);
        }
        Object problem = request.getAttribute(Refusals.PROBLEM, WebRequest.SCOPE_REQUEST);
        if (problem != null) {
            attributes.put("problem", problem);
        }
        return attributes;
    }
}
