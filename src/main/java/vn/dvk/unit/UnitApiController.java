package vn.dvk.unit;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;

/** {@code /api/v1/units}: create, read and list the units of the caller's subtree. */
@RestController
@RequestMapping("/api/v1/units")
class UnitApiController {

    private final UnitDirectory directory;
    private final OfficialMap officialMap;

    UnitApiController(UnitDirectory directory, OfficialMap officialMap) {
        this.directory = directory;
        this.officialMap = officialMap;
    }

    /** Which official map to load, and whether to add the former provinces and districts as history. */
    record MapRequest(
            @NotBlank(message = "{validation.required}") String map, Boolean withHistory) {}

    /** Loads the official map under the root unit (an administrator of the root only, once). */
    @PostMapping("/map")
    ResponseEntity<OfficialMap.LoadResult> loadMap(
            @AuthenticationPrincipal Actor actor, @Valid @RequestBody MapRequest request) {
        return ResponseEntity.status(201)
                .body(officialMap.load(actor, request.map(), request.withHistory() == null || request.withHistory()));
    }

    /** Where a former commune (before 1 July 2025) went, by its old code or name. */
    @GetMapping("/resolve")
    List<OfficialMap.Resolution> resolve(
            @RequestParam(required = false) @Size(max = 16) String oldCode,
            @RequestParam(required = false) @Size(max = 255) String name,
            @RequestParam(required = false) @Size(max = 255) String province) {
        return officialMap.resolve(oldCode, name, province);
    }

    /**
     * A unit as the API shows it; {@code validTo} is set once a reorganization ended it, {@code successors} and
     * {@code predecessors} name the units it handed over to or took over from (only on the single-unit read).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UnitResponse(
            String code,
            String name,
            Level level,
            UnitKind kind,
            String parentCode,
            LocalDate validFrom,
            LocalDate validTo,
            List<String> successors,
            List<String> predecessors) {
        static UnitResponse of(UnitRef u) {
            return new UnitResponse(
                    u.code(), u.name(), u.level(), u.kind(), u.parentCode(), u.validFrom(), u.validTo(), null, null);
        }
    }

    @PostMapping
    ResponseEntity<UnitResponse> create(@AuthenticationPrincipal Actor actor, @Valid @RequestBody NewUnit request) {
        UnitRef unit = directory.create(actor, request);
        return ResponseEntity.created(URI.create("/api/v1/units/" + unit.code()))
                .body(UnitResponse.of(unit));
    }

    @GetMapping("/{code}")
    UnitResponse get(@AuthenticationPrincipal Actor actor, @PathVariable String code) {
        UnitRef u = directory.visibleTo(actor, code);
        return new UnitResponse(
                u.code(),
                u.name(),
                u.level(),
                u.kind(),
                u.parentCode(),
                u.validFrom(),
                u.validTo(),
                directory.successorsOf(u),
                directory.predecessorsOf(u));
    }

    @GetMapping
    PagedModel<UnitResponse> list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) String under,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Level level,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        UnitRef top = under == null ? directory.byId(actor.unitId()).orElseThrow() : directory.visibleTo(actor, under);
        if (!actor.covers(top.path())) {
            top = directory.byId(actor.unitId()).orElseThrow();
        }
        return new PagedModel<>(
                directory.subtree(top, q, level, PageRequest.of(page, size)).map(UnitResponse::of));
    }
}
