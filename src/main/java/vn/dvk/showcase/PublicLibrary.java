package vn.dvk.showcase;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import vn.dvk.model.HolderType;
import vn.dvk.model.ModelRegistry;
import vn.dvk.model.ModelView;
import vn.dvk.model.PublicModelFilter;
import vn.dvk.progress.Progress;
import vn.dvk.recognition.proposal.Recognitions;
import vn.dvk.shared.DataVersions;
import vn.dvk.shared.Problems;
import vn.dvk.shared.VersionedCache;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitRef;

/**
 * The public library: recognized models that are not retired, as anyone may read them, and nothing else (any other
 * id is answered as if it did not exist). Every answer is computed once per version of what the public sees
 * ({@link #version}) and kept in {@link VersionedCache}; the same version is the pages' HTTP validator.
 */
@Service
@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
@EnableConfigurationProperties({ShowcaseProperties.class, PublicUrlProperties.class})
public class PublicLibrary {

    /** The most replicas a public page lists. */
    static final int MAX_REPLICAS = 50;

    private final ModelRegistry models;
    private final Recognitions recognitions;
    private final Progress progress;
    private final CitizenFeedback feedback;
    private final UnitDirectory units;
    private final VersionedCache cache;
    private final PublicUrlProperties publicUrl;
    private final JdbcTemplate jdbc;

    private static final String MEMO = PublicLibrary.class.getName() + ".version";

    PublicLibrary(
            ModelRegistry models,
            Recognitions recognitions,
            Progress progress,
            CitizenFeedback feedback,
            UnitDirectory units,
            VersionedCache cache,
            PublicUrlProperties publicUrl,
            JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.models = models;
        this.recognitions = recognitions;
        this.progress = progress;
        this.feedback = feedback;
        this.units = units;
        this.cache = cache;
        this.publicUrl = publicUrl;
    }

    /**
     * The version of everything the public library shows: its own, which triggers move at each change of what the
     * public sees and of nothing else (the migrations {@code showcase_public_version}; {@link PublicVersionTrigger}),
     * plus the unit tree's (the units' names). Both only grow, so their sum grows at every such change, on every node;
     * a write the public cannot see (a registration appraised, a report of a model that is not public) leaves the
     * library's cached pages as they are. Read once per web request, unless a writing transaction is open.
     */
    public DataVersions.Version version() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        boolean memo = request != null
                && !(TransactionSynchronizationManager.isActualTransactionActive()
                        && !TransactionSynchronizationManager.isCurrentTransactionReadOnly());
        if (memo && request.getAttribute(MEMO, RequestAttributes.SCOPE_REQUEST) instanceof DataVersions.Version known) {
            return known;
        }
        DataVersions.Version own = jdbc.queryForObject(
                "select version, changed_at from showcase_public_version where id = 1",
                (rs, i) -> new DataVersions.Version(
                        rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant()));
        DataVersions.Version version = new DataVersions.Version(own.value() + units.treeVersion(), own.changedAt());
        if (memo) {
            request.setAttribute(MEMO, version, RequestAttributes.SCOPE_REQUEST);
        }
        return version;
    }

    /** A page of the library, filtered, newest change first (see {@link ModelRegistry#searchPublic}). */
    public Page<PublicModel> list(PublicModelFilter filter, Pageable pageable) {
        return cache.get(
                VersionedCache.PAGES,
                version(),
                List.of("public-list", filter, pageable.getPageNumber(), pageable.getPageSize()),
                () -> {
                    Page<ModelView> page = models.searchPublic(filter, pageable);
                    List<PublicModel> content = publicModels(page.getContent());
                    // a total capped at 1,000 stays capped ("more than 1,000", and pages past the 50th)
                    return page instanceof ModelRegistry.CappedPage<ModelView> capped
                            ? capped.withContent(content)
                            : new PageImpl<>(content, pageable, page.getTotalElements());
                });
    }

    /** A public model's page, or 404 for any other id, whatever exists behind it. */
    public PublicModelPage page(Long id) {
        Optional<PublicModelPage> page = cache.get(
                VersionedCache.PAGES,
                version(),
                List.of("public-model", id),
                () -> models.publicModel(id).map(this::page));
        return page.orElseThrow(() -> new Problems.NotFound("showcase.notFound"));
    }

    private PublicModelPage page(ModelView m) {
        Long id = m.id();
        PublicModel model = publicModels(List.of(m)).get(0);
        PublicModelPage.Link replicates = Optional.ofNullable(m.replicatedFromId())
                .flatMap(models::publicModel)
                .map(PublicLibrary::link)
                .orElse(null);
        List<PublicModelPage.Link> replicas = models.publicReplicas(id, MAX_REPLICAS).stream()
                .map(PublicLibrary::link)
                .toList();
        List<PublicModelPage.Photo> photos = progress.publicPhotos(id).stream()
                .map(p -> new PublicModelPage.Photo(
                        p.id(), "/api/v1/public/models/" + id + "/photos/" + p.id(), p.fileName()))
                .toList();
        boolean collective = m.holderType() == HolderType.COLLECTIVE;
        return new PublicModelPage(
                model,
                m.recognizedLevel(),
                m.holderType(),
                collective ? m.holderName() : null,
                replicates,
                replicas,
                photos,
                url(id));
    }

    /** The absolute address of a model's public page, built on {@code dvk.public-url}. */
    public String url(Long id) {
        return publicUrl.of(ShowcasePageController.MODEL_PATH + id);
    }

    /** The absolute address of a path of this site. */
    String absolute(String path) {
        return publicUrl.of(path);
    }

    /** Ids of the public models, newest change first, at most {@code limit} (the sitemap's). */
    public List<Long> ids(int limit) {
        return cache.get(VersionedCache.PAGES, version(), List.of("public-ids", limit), () -> models.publicIds(limit));
    }

    /** The indicator chart of a public model (nothing for any other id). */
    List<Progress.Series> chart(Long id) {
        return cache.get(VersionedCache.PAGES, version(), List.of("public-chart", id), () -> progress.publicChart(id));
    }

    private List<PublicModel> publicModels(Collection<ModelView> views) {
        List<Long> ids = views.stream().map(ModelView::id).toList();
        Map<Long, List<Recognitions.Recognized>> decisions = recognitions.recognizedOf(ids);
        Map<Long, CitizenFeedback.Summary> answers = feedback.of(ids);
        Map<Long, UnitRef> provinces = units.byIds(
                views.stream().map(v -> DataVersions.areaOf(v.unitPath())).collect(Collectors.toSet()));
        List<PublicModel> out = new ArrayList<>();
        for (ModelView v : views) {
            UnitRef province = provinces.get(DataVersions.areaOf(v.unitPath()));
            out.add(new PublicModel(
                    v.id(),
                    v.title(),
                    v.field(),
                    v.unitName(),
                    province == null || province.depth() == 0 ? null : province.name(),
                    v.year(),
                    decisions.getOrDefault(v.id(), List.of()),
                    v.summary(),
                    answers.getOrDefault(v.id(), CitizenFeedback.Summary.NONE),
                    v.dossier()));
        }
        return out;
    }

    private static PublicModelPage.Link link(ModelView v) {
        return new PublicModelPage.Link(v.id(), v.title(), v.unitName());
    }
}
