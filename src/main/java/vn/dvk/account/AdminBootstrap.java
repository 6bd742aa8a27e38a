package vn.dvk.account;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** First start on an empty database: the root unit {@code TW} and the user {@code admin}. */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private final Accounts accounts;
    private final String adminPassword;

    AdminBootstrap(Accounts accounts, @Value("${DVK_ADMIN_PASSWORD:}") String adminPassword) {
        this.accounts = accounts;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        accounts.bootstrapAdmin(adminPassword)
                .filter(p -> !p.isEmpty())
                .ifPresent(generated ->
                        // Printed once, to the console only, as DESIGN.md asks; never written to the log files.
                        System.out.println("""

                        ==================================================================
                         DVK: tài khoản quản trị đầu tiên / first administrator account
                           tên đăng nhập / username: admin
                           mật khẩu / password:      %s
                         Hãy đổi mật khẩu này / change it, or set DVK_ADMIN_PASSWORD.
                        ==================================================================
                        """.formatted(generated)));
    }
}
