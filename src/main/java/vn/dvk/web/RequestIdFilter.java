package vn.dvk.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.dvk.shared.RequestId;

/**
 * Gives each request its {@link RequestId} before any other filter (security included) runs, and takes it out of the
 * MDC when the request ends. The error page that the container renders after a failed request (a later dispatch on
 * the same thread) keeps the request's id.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

    private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = request.getAttribute(ATTRIBUTE) instanceof String kept
                ? kept
                : RequestId.accept(request.getHeader(RequestId.HEADER));
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(RequestId.HEADER, id);
        String outer = MDC.get(RequestId.KEY);
        MDC.put(RequestId.KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (outer == null) {
                MDC.remove(RequestId.KEY);
            } else {
                MDC.put(RequestId.KEY, outer);
            }
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
