package vn.dvk.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestDataValueProcessor;
import vn.dvk.shared.RandomIds;

/**
 * Gives every POST form that a page renders (with {@code th:action}) a hidden {@code _idempotency} field holding a
 * key of its own, beside the CSRF token: a double click or a form sent again after a time-out then makes one record
 * ({@link IdempotencyFilter}). A form rendered again, after an error for instance, gets a new key.
 */
@Component
class IdempotencyFormFields implements BeanPostProcessor {

    /** The name under which Spring Security registers the processor that adds the CSRF token. */
    static final String PROCESSOR = "requestDataValueProcessor";

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (PROCESSOR.equals(name) && bean instanceof RequestDataValueProcessor csrf) {
            return new WithKey(csrf);
        }
        return bean;
    }

    /** The CSRF processor, plus one fresh key for each POST form. */
    static final class WithKey implements RequestDataValueProcessor {

        private static final String POST_FORM = WithKey.class.getName() + ".post";

        private final RequestDataValueProcessor csrf;

        WithKey(RequestDataValueProcessor csrf) {
            this.csrf = csrf;
        }

        @Override
        public String processAction(HttpServletRequest request, String action, String method) {
            request.setAttribute(POST_FORM, "post".equalsIgnoreCase(method));
            return csrf.processAction(request, action, method);
        }

        @Override
        public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
            return csrf.processFormFieldValue(request, name, value, type);
        }

        @Override
        public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
            Map<String, String> fields = new LinkedHashMap<>();
            Map<String, String> theirs = csrf.getExtraHiddenFields(request);
            if (theirs != null) {
                fields.putAll(theirs);
            }
            if (Boolean.TRUE.equals(request.getAttribute(POST_FORM))) {
                fields.put(IdempotencyFilter.FIELD, RandomIds.uuid());
            }
            return fields;
        }

        @Override
        public String processUrl(HttpServletRequest request, String url) {
            return csrf.processUrl(request, url);
        }
    }
}
