package vn.dvk.account;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The sign-in page, and its 429 variant after too many failures; with a button per single sign-on provider. */
@Controller
class LoginController {

    private static final String VIEW = "account/login";

    private final ObjectProvider<SingleSignOn> singleSignOn;

    LoginController(ObjectProvider<SingleSignOn> singleSignOn) {
        this.singleSignOn = singleSignOn;
    }

    /** The OpenID providers configured, none when single sign-on is off. */
    @ModelAttribute("ssoProviders")
    List<ProviderRegistrations.Provider> ssoProviders() {
        SingleSignOn sso = singleSignOn.getIfAvailable();
        return sso == null ? List.of() : sso.providers();
    }

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
