package vn.dvk.showcase;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.dvk.model.Field;
import vn.dvk.model.ModelRegistry;
import vn.dvk.model.PublicModelFilter;
import vn.dvk.recognition.round.PublicComments;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitRef;
import vn.dvk.web.RenderedViews;

/**
 * The public pages, without sign-in: the library ({@code /cong-khai}), a model's story ({@code /cong-khai/mo-hinh/{id}})
 * with its satisfaction form, and {@code /sitemap.xml}. They set no cookie and read no session, so that browsers and
 * proxies may keep them ({@link PublicCaching}), and each node keeps the library's and the models' pages as HTML per
 * version of what the public sees and language ({@link RenderedViews}).
 */
@Controller
class ShowcasePageController {

    /** The address of the library. */
    static final String LIST_PATH = "/cong-khai";
    /** The address of the nominees open for comment. */
    static final String NOMINATIONS_PATH = "/cong-khai/lay-y-kien";
    /** The address of a model's public page, before its id. */
    static final String MODEL_PATH = "/cong-khai/mo-hinh/";

    private static final String LIST_VIEW = "showcase/list";
    private static final String MODEL_VIEW = "showcase/model";
    private static final String NOMINATIONS_VIEW = "showcase/nominations";
    /** The most models the sitemap lists (the protocol's limit per file is 50,000). */
    private static final int SITEMAP_LIMIT = 50_000;

    private static final int PAGE_SIZE = 20;

    private final PublicLibrary library;
    private final CitizenFeedback feedback;
    private final UnitDirectory units;
    private final ShowcaseProperties settings;
    private final PublicComments nominations;
    private final NominationComments comments;
    private final RenderedViews pages;

    ShowcasePageController(
            PublicLibrary library,
            CitizenFeedback feedback,
            UnitDirectory units,
            ShowcaseProperties settings,
            PublicComments nominations,
            NominationComments comments,
            RenderedViews pages) {
        this.pages = pages;
        this.nominations = nominations;
        this.comments = comments;
        this.library = library;
        this.feedback = feedback;
        this.units = units;
        this.settings = settings;
    }

    /** The library's filters as the page's form sends them; {@code page} counts from 0. */
    record ListQuery(String province, Field field, Level level, Integer year, String q, Integer page) {

        PublicModelFilter filter() {
            return new PublicModelFilter(blank(province), field, level, year, blank(q));
        }

        private static String blank(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }

    /** The satisfaction form: {@code website} is a honeypot, left empty by people and filled by simple bots. */
    record FeedbackForm(Integer rating, String comment, String website) {}

    @InitBinder
    void binder(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @GetMapping(LIST_PATH)
    ResponseEntity<String> list(
            @ModelAttribute("query") ListQuery query,
            Model model,
            WebRequest request,
            HttpServletRequest servletRequest,
            HttpServletResponse response) {
        PublicModelFilter filter = query.filter();
        if (filter.q() != null && filter.q().length() > 200) {
            throw new Problems.Invalid("q", "validation.maxLength");
        }
        if (filter.year() != null && (filter.year() < 2009 || filter.year() > 2100)) {
            throw new Problems.Invalid("year", "model.year.range");
        }
        int page = query.page() == null ? 0 : Math.max(0, Math.min(query.page(), 10_000));
        String language = RequestContextUtils.getLocale(servletRequest).getLanguage();
        if (PublicCaching.notModified(
                request, response, library.version(), settings.maxAge(), "list-page", filter, page, language)) {
            return null;
        }
        return pages.page(
                library.version(),
                List.of(filter, page),
                LIST_VIEW,
                model,
                m -> {
                    Page<PublicModel> models = library.list(filter, PageRequest.of(page, PAGE_SIZE));
                    m.addAttribute("page", models);
                    m.addAttribute("pageCapped", models instanceof ModelRegistry.CappedPage<?> c && c.capped());
                    m.addAttribute("filter", filter);
                    m.addAttribute("provinces", provinces());
                    m.addAttribute("fields", Field.values());
                    m.addAttribute("levels", Level.values());
                    m.addAttribute("pageUrl", library.absolute(LIST_PATH));
                },
                servletRequest,
                response);
    }

    @GetMapping(MODEL_PATH + "{id}")
    ResponseEntity<String> model(
            @PathVariable Long id,
            Model model,
            WebRequest request,
            HttpServletRequest servletRequest,
            HttpServletResponse response) {
        PublicModelPage page = library.page(id);
        boolean sent = request.getParameter("da-gui") != null;
        if (PublicCaching.notModified(
                request,
                response,
                library.version(),
                settings.maxAge(),
                "model-page",
                id,
                sent,
                RequestContextUtils.getLocale(servletRequest).getLanguage())) {
            return null;
        }
        return pages.page(
                library.version(),
                List.of(id, sent),
                MODEL_VIEW,
                model,
                m -> {
                    story(m, page);
                    m.addAttribute("sent", sent);
                    m.addAttribute("form", new FeedbackForm(null, null, null));
                },
                servletRequest,
                response);
    }

    /**
     * A rating sent from the model's page: kept, then back to the page with its thanks; bad input shows the page again
     * with the message beside the field (400). A filled honeypot is thanked alike and nothing is kept.
     */
    @PostMapping(MODEL_PATH + "{id}/danh-gia")
    String send(
            @PathVariable Long id,
            @ModelAttribute("form") FeedbackForm form,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        PublicModelPage page = library.page(id);
        if (form.website() != null && !form.website().isBlank()) {
            return "redirect:" + MODEL_PATH + id + "?da-gui#danh-gia";
        }
        try {
            feedback.send(id, form.rating(), form.comment(), request.getRemoteAddr());
        } catch (Problems.Invalid e) {
            response.setStatus(400);
            story(model, page);
            model.addAttribute("sent", false);
            model.addAttribute("formErrors", e.errors());
            return MODEL_VIEW;
        }
        return "redirect:" + MODEL_PATH + id + "?da-gui#danh-gia";
    }

    /** A comment on a nominee as the page's form sends it; {@code website} is the honeypot. */
    record CommentForm(String text, String name, String contact, String website) {}

    /** The nominees whose public comment window is open, with the closing date and a comment form for each. */
    @GetMapping(NOMINATIONS_PATH)
    String nominations(Model model, HttpServletRequest request) {
        model.addAttribute("nominees", nominations.openNominations());
        model.addAttribute("sent", request.getParameter("da-gui") != null);
        model.addAttribute("pageUrl", library.absolute(NOMINATIONS_PATH));
        return NOMINATIONS_VIEW;
    }

    /** A comment sent from the nominees' page: back to it with thanks, or the page again with the message (400/409). */
    @PostMapping(NOMINATIONS_PATH + "/{proposalId}")
    String comment(
            @PathVariable Long proposalId,
            @ModelAttribute CommentForm form,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (form.website() == null || form.website().isBlank()) {
            try {
                comments.send(proposalId, form.text(), form.name(), form.contact(), request.getRemoteAddr());
            } catch (Problems.Invalid e) {
                response.setStatus(400);
                model.addAttribute("formErrors", e.errors());
                model.addAttribute("failedProposal", proposalId);
                return nominations(model, request);
            } catch (Problems.Conflict e) {
                response.setStatus(409);
                model.addAttribute("closedMessage", new Problems.FieldError("text", e.messageKey(), e.args()));
                return nominations(model, request);
            }
        }
        return "redirect:" + NOMINATIONS_PATH + "?da-gui";
    }

    /** The public pages for search engines: the library and every public model's page. */
    @GetMapping(path = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> sitemap(WebRequest request, HttpServletResponse response) {
        if (PublicCaching.notModified(request, response, library.version(), settings.maxAge(), "sitemap")) {
            return null;
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        xml.append("<url><loc>").append(library.absolute(LIST_PATH)).append("</loc></url>\n");
        for (Long id : library.ids(SITEMAP_LIMIT - 1)) {
            xml.append("<url><loc>").append(library.url(id)).append("</loc></url>\n");
        }
        xml.append("</urlset>\n");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml.toString());
    }

    /** The model's story and its Open Graph description and image (the first public photo, if any). */
    private void story(Model model, PublicModelPage page) {
        String text = page.model().summary() == null
                ? page.model().title()
                : page.model().summary().strip();
        model.addAttribute("p", page);
        model.addAttribute("m", page.model());
        model.addAttribute("ogDescription", text.length() > 200 ? text.substring(0, 199) + "…" : text);
        model.addAttribute(
                "ogImage",
                page.photos().isEmpty()
                        ? null
                        : library.absolute(page.photos().get(0).url()));
        model.addAttribute("hasIndicators", !library.chart(page.model().id()).isEmpty());
        model.addAttribute("sections", page.model().dossier().written());
    }

    private List<UnitRef> provinces() {
        return units.byCode(UnitDirectory.ROOT_CODE).map(units::children).orElse(List.of()).stream()
                .filter(u -> u.level() == Level.PROVINCE && u.active())
                .toList();
    }
}
