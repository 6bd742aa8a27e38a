package vn.dvk.storage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dvk.storage.*}: which store holds the files, and the bucket's settings. The local folder is
 * {@code dvk.uploads.dir}. Access key and secret come from the environment ({@code DVK_S3_ACCESS_KEY},
 * {@code DVK_S3_SECRET_KEY}) or, when unset, from the AWS default chain (profile, instance role).
 */
@ConfigurationProperties("dvk.storage")
record StorageProperties(
        @DefaultValue("local") Type type, @DefaultValue S3 s3) {

    /** Which implementation of {@link FileStore} serves. */
    enum Type {
        /** The folder {@code dvk.uploads.dir} of this machine (or a shared network folder). */
        LOCAL,
        /** A bucket of S3 or an S3-compatible server. */
        S3
    }

    /** The bucket: name, endpoint of an S3-compatible server (empty for AWS), region, key prefix, credentials. */
    record S3(
            String bucket,
            String endpoint,
            @DefaultValue("us-east-1") String region,
            Boolean pathStyle,
            String prefix,
            String accessKey,
            String secretKey,
            @DefaultValue("PT30S") Duration timeout) {

        /** Path-style addressing ({@code endpoint/bucket/key}): by default for an endpoint override, not for AWS. */
        public boolean usePathStyle() {
            return pathStyle != null ? pathStyle : endpoint != null && !endpoint.isBlank();
        }

        @Override
        public String toString() {
            return "S3[bucket=" + bucket + ", endpoint=" + endpoint + ", region=" + region + "]";
        }
    }
}
