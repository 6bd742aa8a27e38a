package vn.dvk.account;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The sign-in page, and its 429 variant after too many failures. */
@Controller
class LoginController {

    private static final String VIEW = "account/login";

    @GetMapping("/login")
    String login() {
        return VIEW;
    }

    @RequestMapping("/login/locked")
    @ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
    String locked() {
        return VIEW;
    }
}
