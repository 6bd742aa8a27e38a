package vn.dvk.statistics;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import vn.dvk.model.HolderType;
import vn.dvk.shared.VersionedCache;

/**
 * The dashboard's figures (the funnel, the breakdowns, the trend and the drill-down table: {@code statistics/figures})
 * rendered once per version of the data they show, query and language, and kept as HTML in the
 * {@link VersionedCache#FRAGMENTS} cache: the page around them (the menu, the bell, the filters) is rendered for each
 * request, the figures only after a write in their scope. They hold nothing of the user or the session.
 */
@Component
class DashboardFigures {

    private final ITemplateEngine templates;
    private final ApplicationContext context;
    private final VersionedCache cache;

    DashboardFigures(ITemplateEngine templates, ApplicationContext context, VersionedCache cache) {
        this.templates = templates;
        this.context = context;
        this.cache = cache;
    }

    /** The figures of a scoped query as HTML; {@code data} computes them when this node has none of this version. */
    String html(
            Statistics.Scoped scoped,
            Locale locale,
            String contextPath,
            Supplier<StatisticsPageController.Dashboard> data) {
        return cache.get(
                VersionedCache.FRAGMENTS,
                scoped.version(),
                List.of("dashboard", scoped.unit().id(), scoped.q(), locale.toLanguageTag(), contextPath),
                () -> render(data.get(), locale, contextPath));
    }

    private String render(StatisticsPageController.Dashboard d, Locale locale, String contextPath) {
        Context ctx = new Context(locale);
        // the beans (@fmt) and Spring's conversions, as the view of a page has them; one per rendering
        ctx.setVariable(
                ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(context, null));
        ctx.setVariable("report", d.report());
        ctx.setVariable("children", d.children());
        ctx.setVariable("byYear", d.byYear());
        ctx.setVariable("holderTypes", HolderType.values());
        ctx.setVariable("drillBase", contextPath + "/statistics");
        return templates.process("statistics/figures", Set.of("figures"), ctx);
    }
}
