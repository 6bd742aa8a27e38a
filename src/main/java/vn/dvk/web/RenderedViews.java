package vn.dvk.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.dvk.shared.DataVersions;
import vn.dvk.shared.VersionedCache;

/**
 * Whole pages kept as HTML, for pages that are the same for everyone who asks in the same language (the public
 * library's): rendered by their view as the {@code DispatcherServlet} would render them, once per version of their
 * data, and kept in {@link VersionedCache#FRAGMENTS}. Under 64 clients the rendering of templates took a third of the
 * application's CPU (docs/PERFORMANCE.md, tenth round). A page that shows anything of its user or session must not come
 * here.
 */
@Component
public class RenderedViews {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final ViewResolver views;
    private final VersionedCache cache;

    RenderedViews(@Qualifier("thymeleafViewResolver") ViewResolver views, VersionedCache cache) {
        this.views = views;
        this.cache = cache;
    }

    /**
     * The page of {@code view} as HTML: the one this node kept for {@code version} and {@code key} (with the language
     * and the context path), else {@code fill} adds its data to {@code model} and the view renders it.
     */
    public ResponseEntity<String> page(
            DataVersions.Version version,
            List<?> key,
            String view,
            Model model,
            Consumer<Model> fill,
            HttpServletRequest request,
            HttpServletResponse response) {
        return ResponseEntity.ok().contentType(HTML).body(kept(version, key, view, model, fill, request, response));
    }

    /**
     * A part of a page as HTML ({@code view} names a template's fragment, {@code "home/work :: work"}), kept as
     * {@link #page} keeps a page, for a page to insert with {@code th:utext}; {@code fill} adds its data to a model of
     * its own. The part may show its user (then {@code key} names the user) but nothing of the session: no form
     * (a form holds the session's token).
     */
    public String part(
            DataVersions.Version version,
            List<?> key,
            String view,
            Consumer<Model> fill,
            HttpServletRequest request,
            HttpServletResponse response) {
        return kept(version, key, view, new ExtendedModelMap(), fill, request, response);
    }

    private String kept(
            DataVersions.Version version,
            List<?> key,
            String view,
            Model model,
            Consumer<Model> fill,
            HttpServletRequest request,
            HttpServletResponse response) {
        Locale locale = RequestContextUtils.getLocale(request);
        return cache.get(
                VersionedCache.FRAGMENTS,
                version,
                List.of("page", view, key, locale.toLanguageTag(), request.getContextPath()),
                () -> {
                    fill.accept(model);
                    String html = render(view, model.asMap(), locale, request, response);
                    if (html.contains("name=\"_csrf\"")) {
                        throw new IllegalStateException(view + " holds a form: the session's token must not be kept");
                    }
                    return html;
                });
    }

    private String render(
            String name,
            Map<String, Object> model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        try {
            View view = views.resolveViewName(name, locale);
            if (view == null) {
                throw new IllegalStateException("No view " + name);
            }
            Capture capture = new Capture(response);
            view.render(model, new OwnAttributes(request), capture);
            return capture.text();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Rendering " + name + " failed", e);
        }
    }

    /**
     * The request as the view sees it: the request's attributes readable, its own written apart. Thymeleaf keeps a
     * page's variables and its request context as the request's attributes; a part rendered while its page renders
     * (the menu) would otherwise replace the page's and break the rest of the page (its forms' bindings).
     */
    private static final class OwnAttributes extends HttpServletRequestWrapper {
        private final Map<String, Object> own = new HashMap<>();
        private final Set<String> removed = new HashSet<>();

        OwnAttributes(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Object getAttribute(String name) {
            if (own.containsKey(name)) {
                return own.get(name);
            }
            return removed.contains(name) ? null : super.getAttribute(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            if (value == null) {
                removeAttribute(name);
                return;
            }
            own.put(name, value);
            removed.remove(name);
        }

        @Override
        public void removeAttribute(String name) {
            own.remove(name);
            removed.add(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            Set<String> names = new LinkedHashSet<>(Collections.list(super.getAttributeNames()));
            names.removeAll(removed);
            names.addAll(own.keySet());
            return Collections.enumeration(names);
        }
    }

    /** The response as the view sees it: its text goes to a string; the headers, status and links to the response. */
    private static final class Capture extends HttpServletResponseWrapper {
        private final StringWriter text = new StringWriter();
        private final PrintWriter writer = new PrintWriter(text);

        Capture(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            throw new IllegalStateException("A kept page is written as text");
        }

        @Override
        public void flushBuffer() {
            writer.flush();
        }

        @Override
        public boolean isCommitted() {
            return false;
        }

        @Override
        public void resetBuffer() {
            writer.flush();
            text.getBuffer().setLength(0);
        }

        String text() {
            writer.flush();
            return text.toString();
        }
    }
}
