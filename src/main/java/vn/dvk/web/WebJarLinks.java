package vn.dvk.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Spring's rewriting of resource links ({@link ResourceUrlEncodingFilter}: {@code /webjars/htmx.org/dist/htmx.min.js}
 * becomes the versioned {@code /webjars/htmx.org/2.0.10/dist/htmx.min.js}), applied to the links that can change:
 * those under {@code /webjars/}. Spring's filter looked every link a page builds ({@code @{/models/42}}, some forty a
 * page) up among the resource handlers' patterns, a tenth of the templates' time under load, to leave all but the
 * five WebJar links unchanged (DVK's own {@code /css} and {@code /js} keep their names; docs/PERFORMANCE.md, fourteenth
 * round). Being a {@code ResourceUrlEncodingFilter}, it replaces Spring Boot's.
 */
class WebJarLinks extends ResourceUrlEncodingFilter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse plain)) {
            chain.doFilter(request, response);
            return;
        }
        String webjars = http.getContextPath() + "/webjars/";
        // Spring's filter wraps the response in one that resolves links; links outside /webjars/ skip that wrapper
        super.doFilter(
                request,
                response,
                (req, resolving) ->
                        chain.doFilter(req, new HttpServletResponseWrapper((HttpServletResponse) resolving) {
                            @Override
                            public String encodeURL(String url) {
                                return url.startsWith(webjars) ? super.encodeURL(url) : plain.encodeURL(url);
                            }
                        }));
    }
}
