package vn.dvk.progress;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** An evidence file attached to a progress report. */
@Entity
@Immutable
@Table(name = "progress_evidence")
class Evidence {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "model_id", nullable = false)
    private Long modelId;

    @Column(name = "report_id", nullable = false)
    private Long reportId;

    @Column(name = "stored_name", nullable = false, length = 64)
    private String storedName;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "content_type", nullable = false, length = 100)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @Column(name = "public_photo", nullable = false)
    private boolean publicPhoto;

    protected Evidence() {}

    Evidence(Long modelId, Long reportId, EvidenceStore.StoredFile f, String by, Instant now, boolean publicPhoto) {
        this(modelId, reportId, f, by, now);
        this.publicPhoto = publicPhoto && f.image();
    }

    Evidence(Long modelId, Long reportId, EvidenceStore.StoredFile f, String by, Instant now) {
        this.modelId = modelId;
        this.reportId = reportId;
        this.storedName = f.storedName();
        this.fileName = f.fileName();
        this.contentType = f.contentType();
        this.sizeBytes = f.size();
        this.uploadedBy = by;
        this.uploadedAt = now;
    }

    Long getId() {
        return id;
    }

    Long getModelId() {
        return modelId;
    }

    Long getReportId() {
        return reportId;
    }

    String getUploadedBy() {
        return uploadedBy;
    }

    Instant getUploadedAt() {
        return uploadedAt;
    }

    boolean isPublicPhoto() {
        return publicPhoto;
    }

    /** Refuses to show in public a file that is not a photo. */
    void requireShowable(boolean shown) {
        if (shown && !file().image()) {
            throw new vn.dvk.shared.Problems.Invalid("public", "showcase.photo.notPhoto");
        }
    }

    EvidenceStore.StoredFile file() {
        return new EvidenceStore.StoredFile(storedName, fileName, contentType, sizeBytes);
    }
}
