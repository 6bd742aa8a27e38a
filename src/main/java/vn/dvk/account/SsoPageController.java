package vn.dvk.account;

import org.springframework.boot.security.oauth2.client.autoconfigure.ConditionalOnOAuth2ClientRegistrationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The pages {@link SingleSignOn} forwards to when a single sign-on does not end signed in: the account names no DVK
 * user or a disabled one (403), the provider did not answer (503), or its answer was refused (401).
 */
@Controller
@ConditionalOnOAuth2ClientRegistrationProperties
class SsoPageController {

    private static final String VIEW = "account/sso-problem";

    @RequestMapping(SingleSignOn.REFUSED)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String refused(Model model) {
        model.addAttribute("problem", "refused");
        return VIEW;
    }

    @RequestMapping(SingleSignOn.UNAVAILABLE)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String unavailable(Model model) {
        model.addAttribute("problem", "unavailable");
        return VIEW;
    }

    @RequestMapping(SingleSignOn.FAILED)
    @ResponseStatus(HttpStatus.UNAUTHORIZED)
    String failed(Model model) {
        model.addAttribute("problem", "failed");
        return VIEW;
    }
}
