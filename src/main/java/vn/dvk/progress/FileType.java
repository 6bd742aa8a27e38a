package vn.dvk.progress;

/** The kinds of evidence file accepted, each recognized by its content, never by its name. */
public enum FileType {
    /** Ảnh JPEG. */
    JPEG("image/jpeg", "jpg", true),
    /** Ảnh PNG. */
    PNG("image/png", "png", true),
    /** Tài liệu PDF. */
    PDF("application/pdf", "pdf", false),
    /** Văn bản Word (.docx). */
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", false),
    /** Bảng tính Excel (.xlsx). */
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", false);

    private final String mediaType;
    private final String extension;
    private final boolean image;

    FileType(String mediaType, String extension, boolean image) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.image = image;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public boolean image() {
        return image;
    }

    /** The type whose media type this is, or null. */
    public static FileType ofMediaType(String mediaType) {
        for (FileType t : values()) {
            if (t.mediaType.equals(mediaType)) {
                return t;
            }
        }
        return null;
    }
}
