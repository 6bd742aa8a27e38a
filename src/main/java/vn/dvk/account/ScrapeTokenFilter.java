package vn.dvk.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On the actuator chain only: a bearer token whose SHA-256 is {@code dvk.management.scrape-token-hash} signs the
 * request in as the scraper, with the one authority {@value #ROLE}. No other chain reads it, so the API answers it 401
 * and the pages send it to the sign-in page.
 */
class ScrapeTokenFilter extends OncePerRequestFilter {

    /** The scraper's authority: the Prometheus scrape and the health details, nothing else. */
    static final String ROLE = "ROLE_METRICS";

    static final String PRINCIPAL = "scraper";

    private final byte[] hash;

    ScrapeTokenFilter(ScrapeProperties settings) {
        this.hash = settings.enabled()
                ? HexFormat.of().parseHex(settings.scrapeTokenHash().toLowerCase())
                : null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (hash != null
                && header != null
                && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && MessageDigest.isEqual(hash, sha256(header.substring(7).trim()))) {
            var auth =
                    new UsernamePasswordAuthenticationToken(PRINCIPAL, null, List.of(new SimpleGrantedAuthority(ROLE)));
            SecurityContextHolder.getContext().setAuthentication(auth);
        }
        chain.doFilter(request, response);
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
