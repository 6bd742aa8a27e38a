package vn.dvk.showcase;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.WebRequest;
import vn.dvk.shared.DataVersions;

/**
 * The HTTP caching of public answers, which are the same for everyone: {@code Cache-Control: public, max-age}
 * ({@code dvk.showcase.max-age}) so that browsers and proxies keep them a while, and the data version as validator
 * ({@code ETag}, {@code Last-Modified}) so that a client that has the answer gets 304 without it being computed.
 */
final class PublicCaching {

    private PublicCaching() {}

    /** True when the client's copy is current (answer 304); else sets the validators and the caching. */
    static boolean notModified(
            WebRequest request,
            HttpServletResponse response,
            DataVersions.Version version,
            Duration maxAge,
            Object... parts) {
        String etag = "W/\"p" + version.value() + "-" + Integer.toHexString(Arrays.deepHashCode(parts)) + "\"";
        response.setHeader(
                HttpHeaders.CACHE_CONTROL,
                CacheControl.maxAge(maxAge).cachePublic().getHeaderValue());
        response.setHeader(HttpHeaders.VARY, "Accept-Language, Cookie");
        return request.checkNotModified(etag, version.changedAt().toEpochMilli() / 1000 * 1000);
    }
}
