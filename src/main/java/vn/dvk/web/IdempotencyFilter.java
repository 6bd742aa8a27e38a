package vn.dvk.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import vn.dvk.shared.Idempotency;

/**
 * Retries that never duplicate: a POST that carries an {@code Idempotency-Key} header (API clients) or an
 * {@code _idempotency} form field (every page form, see {@link IdempotencyFormFields}) runs in one transaction with the
 * key's row, so that its writes and its kept result commit together or not at all. The same caller sending the same
 * key again with the same body gets the first result again (status, type, {@code Location}, body) without running it;
 * with another body, 422; while the first is still running, the retry waits for it, then gets its result. Only a
 * success (2xx or a redirect, with nothing rolled back) is kept: a refusal leaves nothing written and no key, so the
 * corrected request may use it. Runs after the security filters, so a key belongs to the signed-in user (or, for
 * anonymous callers of the public pages, to their address) and a refused caller never reaches it.
 */
@Component
@Order(IdempotencyFilter.ORDER)
class IdempotencyFilter extends OncePerRequestFilter {

    /** After Spring Security's filter chain (-100), before the dispatcher. */
    static final int ORDER = 0;

    static final String HEADER = "Idempotency-Key";
    static final String FIELD = "_idempotency";
    static final String REPLAYED = "Idempotent-Replayed";
    /** The request attribute by which an answer says it holds secrets shown once ({@link Idempotency}). */
    /** Request bodies read whole for their fingerprint; forms and uploads are read by the container instead. */
    private static final int MAX_BODY = 16 * 1024 * 1024;

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final IdempotentRequests kept;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Refusals refusals;

    IdempotencyFilter(
            IdempotentRequests kept, PlatformTransactionManager transactions, Clock clock, Refusals refusals) {
        this.kept = kept;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.refusals = refusals;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    /** Sign-in and sign-out (whose answers carry credentials), and previews: they write nothing and are asked again
     *  and again from the same form, so they never take the form's key. */
    private static boolean keyless(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/v1/auth/")
                || path.equals("/login")
                || path.equals("/logout")
                || path.endsWith("/preview");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean form = isForm(request);
        String key = keyless(request) ? null : request.getHeader(HEADER);
        if (key == null && form && !keyless(request)) {
            key = request.getParameter(FIELD);
        }
        if (key == null || key.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (!KEY.matcher(key).matches()) {
            refuse(request, response, HttpStatus.BAD_REQUEST, "idempotency.key.invalid");
            return;
        }
        HttpServletRequest body;
        if (form) {
            body = request; // its fields reach the controllers with the key among them, as the CSRF token does
        } else {
            if (request.getContentLengthLong() > MAX_BODY) {
                refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "idempotency.body.tooLarge");
                return;
            }
            body = new CachedBody(request, request.getInputStream().readNBytes(MAX_BODY + 1));
            if (((CachedBody) body).bytes.length > MAX_BODY) {
                refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "idempotency.body.tooLarge");
                return;
            }
        }
        String principal = principal(request);
        String path =
                request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String fingerprint;
        try {
            fingerprint = fingerprint(body, path, form);
        } catch (IllegalStateException | ServletException unreadable) {
            // an upload the container could not read (too large, malformed): the dispatcher answers it as usual
            chain.doFilter(request, response);
            return;
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<IdempotentRequests.Kept> first = kept.find(principal, key);
            if (first.isPresent() && first.get().expired(clock.instant())) {
                kept.forget(first.get().id());
                continue;
            }
            if (first.isPresent()) {
                if (!first.get().fingerprint().equals(fingerprint)) {
                    refuse(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency.key.reused");
                } else if (first.get().withheld()) {
                    refuse(request, response, HttpStatus.CONFLICT, "idempotency.replay.withheld");
                } else {
                    replay(first.get(), response);
                }
                return;
            }
            if (run(key, principal, request.getMethod(), path, fingerprint, body, response, chain)) {
                return;
            }
        }
        refuse(request, response, HttpStatus.CONFLICT, "idempotency.key.busy");
    }

    /** Runs the request with its key in one transaction; false when another request took the key first. */
    private boolean run(
            String key,
            String principal,
            String method,
            String path,
            String fingerprint,
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        boolean ran;
        try {
            ran = Boolean.TRUE.equals(tx.execute(status -> {
                if (!kept.claim(principal, key, method, path, fingerprint)) {
                    status.setRollbackOnly();
                    return false;
                }
                try {
                    chain.doFilter(request, buffered);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (ServletException e) {
                    throw new FailedRequest(e);
                }
                int code = buffered.getStatus();
                if (code >= 200 && code < 400 && !status.isRollbackOnly()) {
                    kept.complete(
                            principal,
                            key,
                            code,
                            buffered.getContentType(),
                            buffered.getHeader("Location"),
                            buffered.getContentAsByteArray(),
                            Boolean.TRUE.equals(request.getAttribute(Idempotency.SECRETS)));
                } else {
                    status.setRollbackOnly();
                }
                return true;
            }));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (FailedRequest e) {
            throw e.cause;
        } catch (TransactionException | DataAccessException e) {
            // the request ran but its writes and its key could not be committed: nothing of it stays
            buffered.resetBuffer();
            refuse(request, response, HttpStatus.SERVICE_UNAVAILABLE, "idempotency.commit.failed");
            return true;
        }
        if (ran) {
            buffered.copyBodyToResponse();
        }
        return ran;
    }

    private void replay(IdempotentRequests.Kept first, HttpServletResponse response) throws IOException {
        response.setStatus(first.status());
        response.setHeader(REPLAYED, "true");
        if (first.contentType() != null) {
            response.setContentType(first.contentType());
        }
        if (first.location() != null) {
            response.setHeader("Location", first.location());
        }
        byte[] body = first.body() == null ? new byte[0] : first.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
            throws IOException {
        refusals.refuse(request, response, status, key, HEADER, "idempotency.key.busy".equals(key) ? 1 : null);
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        String t = type.toLowerCase(Locale.ROOT);
        return t.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE) || t.startsWith("multipart/form-data");
    }

    private static String principal(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return "anonymous@" + request.getRemoteAddr();
        }
        return "user:" + auth.getName();
    }

    /**
     * What makes two requests the same: the method and path with the query, and the body — the raw bytes, or for a
     * form its fields in name order (the CSRF token, which changes with the session, left out), and for an upload its
     * fields and files.
     */
    private static String fingerprint(HttpServletRequest request, String path, boolean form)
            throws IOException, ServletException {
        MessageDigest sha = sha256();
        update(sha, request.getMethod() + " " + path);
        if (!form) {
            sha.update(((CachedBody) request).bytes);
        } else {
            Map<String, String[]> fields = new TreeMap<>(request.getParameterMap());
            fields.remove("_csrf");
            fields.remove(FIELD);
            fields.forEach((name, values) -> {
                update(sha, name);
                for (String v : values) {
                    update(sha, v);
                }
            });
            String type = request.getContentType().toLowerCase(Locale.ROOT);
            if (type.startsWith("multipart/form-data")) {
                for (Part part : request.getParts()) {
                    if (part.getSubmittedFileName() == null) {
                        continue; // a field: in the parameters above
                    }
                    update(sha, part.getName() + "|" + part.getSubmittedFileName() + "|" + part.getContentType());
                    try (InputStream in = part.getInputStream()) {
                        byte[] chunk = new byte[64 * 1024];
                        for (int n; (n = in.read(chunk)) > 0; ) {
                            sha.update(chunk, 0, n);
                        }
                    }
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void update(MessageDigest sha, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A failure of the request itself, carried out of the transaction's callback. */
    private static final class FailedRequest extends RuntimeException {
        private final ServletException cause;

        FailedRequest(ServletException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    /** A request whose body was read once for its fingerprint and is read again from memory. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] bytes;

        CachedBody(HttpServletRequest request, byte[] bytes) {
            super(request);
            this.bytes = bytes;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(bytes);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return bytes.length;
        }

        @Override
        public long getContentLengthLong() {
            return bytes.length;
        }
    }
}
