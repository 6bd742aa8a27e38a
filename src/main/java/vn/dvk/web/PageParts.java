package vn.dvk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;
import vn.dvk.shared.Actor;
import vn.dvk.shared.DataVersions;
import vn.dvk.shared.Role;

/**
 * The parts every signed-in page repeats and no data changes, kept as HTML and put into the page by its template
 * through the expression object {@code #parts} ({@code th:utext="${#parts.menu(me, active)}"}; a bean reference,
 * {@code @pageParts}, is refused in {@code th:utext}): the main menu (its links and labels depend only on the page's
 * place in it, the user's roles and the language) and the page's stylesheets and scripts. Under load every page
 * rendered them anew, about a hundred expressions each time (docs/PERFORMANCE.md, sixteenth round). What depends on
 * the session (the sign-out form's token) or on the data (the bell's count) stays in the page.
 */
@Component
public class PageParts extends AbstractDialect implements IExpressionObjectDialect, IExpressionObjectFactory {

    static final String MENU_VIEW = "fragments/layout :: menu";
    static final String ASSETS_VIEW = "fragments/layout :: assets";

    /** Looked up at first use: the views need the template engine, which needs this dialect. */
    private final ObjectProvider<RenderedViews> views;

    PageParts(ObjectProvider<RenderedViews> views) {
        super("DVK page parts");
        this.views = views;
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return this;
    }

    @Override
    public Set<String> getAllExpressionObjectNames() {
        return Set.of("parts");
    }

    @Override
    public Object buildObject(IExpressionContext context, String expressionObjectName) {
        return this;
    }

    @Override
    public boolean isCacheable(String expressionObjectName) {
        return true;
    }

    /**
     * The main menu's list of links for {@code me}, with {@code active} marked: the administration menu for
     * administrators, and the link to the imports for those who may import models and progress without it (as the
     * imports module's {@code ImportPolicy} says; this module cannot ask it).
     */
    public String menu(Actor me, String active) {
        boolean admin = me.hasRole(Role.ADMIN);
        boolean imports = !admin && (me.hasRole(Role.REPORTER) || me.hasRole(Role.APPRAISER));
        return part(List.of("menu", String.valueOf(active), admin, imports), MENU_VIEW, model -> {
            model.addAttribute("active", active);
            model.addAttribute("admin", admin);
            model.addAttribute("imports", imports);
        });
    }

    /** The page's stylesheets, icon and scripts. */
    public String assets() {
        return part(List.of("assets"), ASSETS_VIEW, model -> {});
    }

    private String part(List<?> key, String view, Consumer<Model> fill) {
        ServletRequestAttributes current = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        HttpServletRequest request = current.getRequest();
        HttpServletResponse response = current.getResponse();
        // no data changes these parts, only a new build, which starts with an empty cache
        return views.getObject().part(DataVersions.ZERO, key, view, fill, request, response);
    }
}
