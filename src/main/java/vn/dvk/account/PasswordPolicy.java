package vn.dvk.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.dvk.shared.Problems;

/**
 * What a password must be beyond its length (12 to 128, checked on the request): not one of the common passwords
 * of {@code account/common-passwords.txt}, not built around the username, not a single repeated character.
 */
@Component
class PasswordPolicy {

    private final Set<String> common = load();

    void check(String username, String password) {
        String p = password.toLowerCase(Locale.ROOT);
        if (common.contains(p) || p.chars().distinct().count() <= 2) {
            throw new Problems.Invalid("password", "user.password.common");
        }
        if (username != null && username.length() >= 3 && p.contains(username.toLowerCase(Locale.ROOT))) {
            throw new Problems.Invalid("password", "user.password.containsUsername");
        }
    }

    private static Set<String> load() {
        Set<String> out = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/account/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("account/common-passwords.txt missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.trim().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
