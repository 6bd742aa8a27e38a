package vn.dvk.showcase;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import vn.dvk.model.HolderType;
import vn.dvk.shared.Level;

/**
 * A public model's whole story: the list's fields ({@code model}), its highest recognition, its holder when a
 * collective (an individual's name stays out), the model it replicates and its public replicas, the photos its unit
 * shows, and the absolute address of its page (the QR code's).
 */
public record PublicModelPage(
        @JsonUnwrapped PublicModel model,
        Level recognizedLevel,
        HolderType holderType,
        String holderName,
        Link replicates,
        List<Link> replicas,
        List<Photo> photos,
        String url) {

    /** Another public model: its id, title and unit. */
    public record Link(Long id, String title, String unitName) {}

    /** A photo shown in public: the address of its bytes and its text alternative. */
    public record Photo(Long id, String url, String alt) {}
}
