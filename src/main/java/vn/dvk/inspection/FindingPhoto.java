package vn.dvk.inspection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import vn.dvk.progress.EvidenceStore;

/** A photo (or document) taken during an inspection, attached to a finding. */
@Entity
@Immutable
@Table(name = "inspection_photo")
class FindingPhoto {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "finding_id", nullable = false)
    private Long findingId;

    @Column(name = "stored_name", nullable = false, length = 64)
    private String storedName;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "content_type", nullable = false, length = 100)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    protected FindingPhoto() {}

    FindingPhoto(Long findingId, EvidenceStore.StoredFile f) {
        this.findingId = findingId;
        this.storedName = f.storedName();
        this.fileName = f.fileName();
        this.contentType = f.contentType();
        this.sizeBytes = f.size();
    }

    Long getId() {
        return id;
    }

    Long getFindingId() {
        return findingId;
    }

    EvidenceStore.StoredFile file() {
        return new EvidenceStore.StoredFile(storedName, fileName, contentType, sizeBytes);
    }
}
